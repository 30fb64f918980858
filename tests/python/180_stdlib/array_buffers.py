# array.array: a live memoryview fixes the size (BufferError), views dropped or released do not;
# array iterators pickle and copy; _array_reconstructor decodes foreign machine formats.
import array, pickle, operator, copy

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a = array.array('i', [1, 2, 3])
bytes(memoryview(a)); a.append(4); print(a)
def f(): return memoryview(a).tobytes()
for i in range(5):
    f(); a.append(i)
print(len(a))
with memoryview(a) as m: pass
a.extend([9]); print(a[-1])

m = memoryview(a)
ops = [lambda: a.append(1), lambda: a.extend([1]), lambda: a.extend([]), lambda: a.pop(), lambda: a.remove(1),
       lambda: a.insert(0, 1), lambda: a.fromlist([1]), lambda: a.fromlist([]), lambda: a.frombytes(b''),
       lambda: a.frombytes(b'1234'), lambda: a.frombytes(b'123'),
       lambda: operator.iadd(a, array.array('i')), lambda: operator.iadd(a, array.array('i', [1])),
       lambda: operator.imul(a, 1), lambda: operator.imul(a, 2), lambda: operator.imul(a, 0),
       lambda: operator.delitem(a, slice(0, 0)), lambda: operator.delitem(a, 0),
       lambda: operator.setitem(a, slice(0, 2), array.array('i', [7, 8])),
       lambda: operator.setitem(a, slice(0, 2), array.array('i', [7])),
       lambda: operator.setitem(a, slice(0, 4, 2), array.array('i', [5, 6])),
       lambda: operator.setitem(a, slice(0, 4, 2), array.array('i', [5])),
       lambda: operator.setitem(a, slice(0, 0), array.array('i')),
       lambda: operator.setitem(a, 0, 3),
       lambda: a.fromlist(['x']), lambda: a.append('x'), lambda: a.byteswap(), lambda: a.reverse()]
for op in ops:
    show(op)
print(a, m.tobytes() == a.tobytes())
m.release()
a.append(5); print(a)

u = array.array('u', 'ab')
mu = memoryview(u)
show(lambda: u.fromunicode('c'))
show(lambda: u.fromunicode(''))
del mu
u.fromunicode('c'); print(u)

# iterators
for tc in array.typecodes:
    orig = array.array(tc, [1, 2, 3] if tc != 'u' else 'xyz')
    if tc in 'fd':
        orig = array.array(tc, [1.5, 2.5, 3.5])
    it = iter(orig); next(it)
    print(tc, it.__reduce__()[0], it.__reduce__()[2])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it2, a2 = pickle.loads(pickle.dumps((it, orig), proto))
        a2.extend(a2[:1])
        print(proto, list(it2))
    list(it); print(it.__reduce__())
    it2 = pickle.loads(pickle.dumps(it))
    print(list(it2), type(it2).__name__)
    print(list(copy.copy(iter(orig))), list(copy.deepcopy(iter(orig))))

it = iter(array.array('b', [1, 2, 3]))
show(lambda: it.__setstate__('x'))
show(lambda: it.__setstate__(2**70))
show(lambda: (it.__setstate__(-5), list(it)))
it = iter(array.array('b', [1, 2, 3]))
show(lambda: (it.__setstate__(True), list(it)))
it = iter(array.array('b', [1, 2, 3]))
show(lambda: (it.__setstate__(10), list(it)))
# (__setstate__ on an exhausted iterator crashes CPython 3.11; gilpy ignores it)

# reconstructor
a = array.array('i', [5, -6])
print(array.array.__reduce_ex__(a, 2), array.array.__reduce_ex__(a, 4)[0].__name__)
show(lambda: array._array_reconstructor(array.array, 'u', 18, 'xy\U0002030a'.encode('utf-16-le')))
show(lambda: array._array_reconstructor(array.array, 'u', 19, 'xy\U0002030a'.encode('utf-16-be')))
show(lambda: array._array_reconstructor(array.array, 'u', 21, 'xy\U0002030a'.encode('utf-32-be')))
show(lambda: array._array_reconstructor(array.array, 'b', 12, bytes(8)))
show(lambda: array._array_reconstructor(array.array, 'L', 11, bytes(7) + b'\x01'))
show(lambda: array._array_reconstructor(array.array, 'B', 9, b'\xff\xff\xff\xfe'))
show(lambda: array._array_reconstructor(array.array, 'd', 14, bytes(4)))
for args in [('b', 18, b'abcd'), ('u', 8, b'abcd'), ('u', 18, b'\0\xd8\0\0'), ('u', 21, b'\0\0\0\x41'),
             ('u', 19, b'\0\x41\0B'), ('u', 18, b'ab'), ('B', 15, bytes(4))]:
    show(lambda: array._array_reconstructor(array.array, *args))
