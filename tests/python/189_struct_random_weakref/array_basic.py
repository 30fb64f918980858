# array.array: construction, sequence operations, methods, operators, repr, copy and pickle.
import array, copy, pickle

print(array.typecodes, array.ArrayType is array.array)
print([array.array(c).itemsize for c in array.typecodes])
for c in 'bBhHiIlLqQ':
    print(c, array.array(c, [1, 2, 3]), array.array(c, range(4)).tolist())
print(array.array('f', [1.5, 0.1]), array.array('d', [1.5, 0.1, 2]))
print(array.array('u', 'abc'), array.array('u'), array.array('i'), repr(array.array('u', 'h\xe9\u20ac\U0001f600')))
print(array.array('b', b'\x01\xff'), array.array('h', bytearray(b'\x01\x00\x02\x00')))
print(array.array('d', array.array('i', [1, 2])), array.array('i', array.array('i', [5])))
print(array.array('i', (x * x for x in range(5))), array.array('i', (1, 2)))

a = array.array('i', [1, 2, 3, 4, 5])
print(len(a), a[0], a[-1], a[1:3], a[::2], a[::-1], a[10:], a.typecode, a.itemsize)
a[0] = 10
a[-1] = 50
print(a)
a[1:3] = array.array('i', [7, 8, 9])
print(a)
a[::2] = array.array('i', [0, 0, 0])
print(a)
del a[0]
print(a)
del a[::2]
print(a)
del a[5:]
del a[:1]
print(a)
b = array.array('b', [1, 2, 3, 4, 5])
b[1:4] = array.array('b')
print(b)
b[:] = b
print(b)
b[len(b):] = array.array('b', [6, 7])
print(b)

c = array.array('h', [3, 1, 4, 1, 5, 9, 2, 6])
c.append(5)
c.extend([3, 5])
c.extend(array.array('h', [8]))
c.insert(0, -1)
c.insert(100, 77)
c.insert(-100, 66)
print(c, c.count(1), c.count(42), c.index(1), c.index(5), c.index(1, 4), c.index(5, -5, -1))
print(c.pop(), c.pop(0), c.pop(2), c)
c.remove(5)
print(c)
c.reverse()
print(c, 4 in c, 42 in c, 'x' in c)
print(list(iter(c)), [x for x in c][:3], sum(c), max(c))

d = array.array('H', [1, 2, 0x1234])
d.byteswap()
print(d, d.tobytes())
d.frombytes(b'\x01\x00')
print(d, d.buffer_info()[1], type(d.buffer_info()[0]))
d.fromlist([9, 10])
print(d, d.tolist())
u = array.array('u', 'hi')
u.fromunicode(' there')
print(u, u.tounicode(), u.tolist(), len(u))
q = array.array('d', [1.0, 2.5])
q.byteswap()
q.byteswap()
print(q)

x = array.array('i', [1, 2])
y = array.array('i', [3])
print(x + y, x * 3, 2 * x, x * 0, x * -1)
x += y
print(x)
x *= 2
print(x)
z = x
z += array.array('i', [9])
print(x is z, x)
z *= 0
print(x, len(x))

print(array.array('i', [1, 2]) == array.array('i', [1, 2]), array.array('i', [1, 2]) != array.array('i', [1, 3]))
print(array.array('i', [1, 2]) < array.array('i', [1, 3]), array.array('i', [1, 2]) < array.array('i', [1, 2, 0]))
print(array.array('i', [2]) > array.array('i', [1, 9]), array.array('i', [1]) >= array.array('i', [1]))
print(array.array('i', [1, 2]) == array.array('d', [1.0, 2.0]), array.array('b', [1]) <= array.array('q', [1]))
print(array.array('i') == [], array.array('u', 'ab') < array.array('u', 'b'))

e = array.array('l', [-1, 2 ** 62])
print(copy.copy(e), copy.deepcopy(e), copy.copy(e) is e)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    r = pickle.loads(pickle.dumps(e, proto))
    print(proto, r, r == e, type(r).__name__)
print(e.__reduce_ex__(2))
print(e.__reduce_ex__(3)[1])
print(array.array('u', 'ab').__reduce_ex__(2), array.array('u', 'ab').__reduce_ex__(4)[1])
print(pickle.loads(pickle.dumps(array.array('u', 'h\xe9'))), pickle.loads(pickle.dumps(array.array('f', [0.5]))))
print(array._array_reconstructor(array.array, 'i', 8, b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(array._array_reconstructor(array.array, 'q', 13, b'\x00' * 7 + b'\x05'))
print(array._array_reconstructor(array.array, 'd', 17, b'\x3f\xf8' + b'\x00' * 6))


class Sub(array.array):
    pass


s = Sub('i', [1, 2])
s.tag = 'x'
print(repr(s), type(s[:]).__name__, type(s + s).__name__, isinstance(s, array.array))
print(s.__reduce_ex__(2))
r = pickle.loads(pickle.dumps(s))
print(type(r).__name__, r, r.tag)
try:
    hash(array.array('i'))
except TypeError:
    # The message names the type as 'array.array' in CPython; gilpy's type names carry no module.
    print('TypeError: unhashable')
