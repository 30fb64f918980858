# memoryview: weak references, hash kept after release, comparison with any
# exporter (array.array) item by item, multi-dimensional slice errors, __index__
# values, and a view released by a conversion during an access.
import array
import weakref

m = memoryview(b'abcdef')
r = weakref.ref(m)
print(r() is m)
h = hash(m)
m.release()
print(hash(m) == h == hash(b'abcdef'))
m2 = memoryview(b'ab')
m2.release()
try:
    hash(m2)
except ValueError as e:
    print('ValueError', e)

a = array.array('i', [1, 2, 3])
mv = memoryview(a)
print(mv == array.array('i', [1, 2, 3]), mv != array.array('i', [1, 2, 4]), mv == mv[:], mv == b'\x01')
print(memoryview(b'abc') == 'abc', memoryview(b'abc') != 'abc')

w = memoryview(bytearray(b'abcd'))
for key in [(slice(0, 1), slice(0, 1)), (0,)]:
    for op in ('get', 'set'):
        try:
            if op == 'get':
                w[key]
            else:
                w[key] = b'a'
        except Exception as e:
            print(op, type(e).__name__, e)


class Idx:
    def __index__(self):
        return 7


w[0] = Idx()
print(w[0], w.tolist())
fv = memoryview(bytearray(8)).cast('d')
fv[0] = Idx()
print(fv[0])
try:
    w[0] = 1.5
except TypeError as e:
    print('TypeError', e)

size = 16
ba = None


def release():
    global ba
    v.release()
    ba = bytearray(size)


class Releasing:
    def __index__(self):
        release()
        return 4


for action in ('get', 'set', 'slice-set', 'value'):
    v = memoryview(bytearray(b'\xff' * size))
    try:
        if action == 'get':
            v[Releasing()]
        elif action == 'set':
            v[Releasing()] = 1
        elif action == 'slice-set':
            v[:Releasing()] = b'spam'
        else:
            v[0] = Releasing()
    except ValueError as e:
        print(action, 'ValueError', e)
    print(ba[:4])
