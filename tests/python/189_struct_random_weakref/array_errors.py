# array.array: CPython's error types and messages for bad typecodes, items and operations.
import array


def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


a = array.array('i', [1, 2])
for code, vals in [('b', [128, -129]), ('B', [256, -1]), ('h', [2 ** 15, -2 ** 15 - 1]), ('H', [2 ** 16, -1]),
                   ('i', [2 ** 31, -2 ** 31 - 1]), ('I', [2 ** 32, -1]), ('l', [2 ** 63, -2 ** 63 - 1]),
                   ('L', [2 ** 64, -1]), ('q', [2 ** 63, -2 ** 63 - 1]), ('Q', [2 ** 64, -1])]:
    for v in vals + [2 ** 100, -2 ** 100]:
        t(lambda: array.array(code, [v]))
t(lambda: array.array('i', [1.5]))
t(lambda: array.array('d', ['x']))
t(lambda: array.array('u', ['ab']))
t(lambda: array.array('u', [1]))
t(lambda: array.array('x'))
t(lambda: array.array('ii'))
t(lambda: array.array(1))
t(lambda: array.array('i', 'abc'))
t(lambda: array.array('i', b'abc'))
t(lambda: array.array('i', array.array('u', 'a')))
t(lambda: array.array('u', array.array('i', [1])))
t(lambda: array.array('i', array.array('d', [1.5])))
t(lambda: array.array('i', x=1))
t(lambda: array.array('i', [1], 3))
t(lambda: array.array('i', 5))
t(lambda: a.__setitem__(slice(0, 1), [1]))
t(lambda: a.__setitem__(slice(0, 1), array.array('d')))
t(lambda: array.array('i', [1, 2, 3]).__setitem__(slice(None, None, 2), array.array('i', [1, 2, 3])))
t(lambda: a + array.array('d'))
t(lambda: a + [1])
t(lambda: a.__iadd__([1]))
t(lambda: array.array('d', [1.0]).__iadd__(array.array('i')))
t(lambda: a.extend(array.array('d')))
t(lambda: a * 'x')
t(lambda: a[5])
t(lambda: a['x'])
t(lambda: a.__setitem__(9, 1))
t(lambda: a.__setitem__('x', 1))
t(lambda: a.__setitem__(0, 'x'))
t(lambda: a.__delitem__(5))
t(lambda: a.pop(5))
t(lambda: array.array('i').pop())
t(lambda: a.remove(9))
t(lambda: a.index(9))
t(lambda: a.index(1, 1))
t(lambda: a.tounicode())
t(lambda: a.fromunicode('x'))
t(lambda: a.fromunicode(1))
t(lambda: a.frombytes(b'abc'))
t(lambda: a.frombytes('x'))
t(lambda: a.fromlist((1,)))
t(lambda: a.fromlist([3, 'x']))
print(a)
t(lambda: a == 3)
# These messages name the type ('array.array' in CPython); only the exception type is compared.
for f in [lambda: a < 3, lambda: hash(a)]:
    try:
        f()
    except TypeError:
        print('TypeError')
t(lambda: array._array_reconstructor(1, 'q', 8, b''))
t(lambda: array._array_reconstructor(int, 'q', 8, b''))
t(lambda: array._array_reconstructor(array.array, 'z', 8, b''))
t(lambda: array._array_reconstructor(array.array, 'i', 99, b''))
t(lambda: array._array_reconstructor(array.array, 'i', 8, ''))
t(lambda: array.array('i', [2 ** 40]))
print(a)
t(lambda: array.array('i', None))
t(lambda: a.insert(-2 ** 70, 0))
t(lambda: a.pop(2 ** 70))
t(lambda: a.index(2, 0, 2 ** 70))
t(lambda: array.array('f', [1e300]))
t(lambda: array.array('B', b'abc') == b'abc')
