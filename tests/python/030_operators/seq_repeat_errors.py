# TypeError messages of * between sequences and of ** (CPython names the right operand, and "** or pow()").
for f in [lambda: 'ab' * ['x'], lambda: ['x'] * 'ab', lambda: 'a' * 'b', lambda: [1] * [2], lambda: (1,) * 1.5, lambda: 2 ** (), lambda: pow(2, ()), lambda: 2.0 * 'x' * [1]]:
    try: f()
    except TypeError as e: print(e)
for a, b in [('a', 1), ('a', True), ('a', 1.5), ('a', None), ([1], True), ((1,), 2.0), (b'x', 1), (bytearray(b'x'), 1)]:
    try:
        a + b
    except TypeError as e:
        print(e)
def f():
    s = 'a'
    s += True
try:
    f()
except TypeError as e:
    print(e)
