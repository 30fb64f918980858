cases = [
    lambda: int('x'), lambda: int(''), lambda: int('1.5'), lambda: int('12', 2), lambda: int('z', 36 + 1),
    lambda: float('x'), lambda: float(''), lambda: float('1.2.3'), lambda: complex('x'),
    lambda: [].index(1), lambda: 'abc'.index('z'), lambda: (1, 2).index(3), lambda: list(range(3)).remove(9),
    lambda: 'a,b'.split(''), lambda: chr(-5), lambda: 'x'.encode('nope'), lambda: bytes.fromhex('zz'),
    lambda: int.from_bytes(b'x', 'middle'), lambda: range(0, 1, 0), lambda: ''.join('a').center(5, 'ab'),
    lambda: divmod(1, 0), lambda: 10 % 0, lambda: 2.0 / 0, lambda: 0 ** -1, lambda: __import__('math').sqrt(-1),
    lambda: dict([(1, 2, 3)]), lambda: dict([1]), lambda: max([]), lambda: next(iter([])),
    lambda: 'abc'[5], lambda: [][0], lambda: {}['k'], lambda: {1: 2}[[1][0] + 1], lambda: (1).real.nope,
    lambda: None.attr, lambda: undefined_name, lambda: 1 + 'a', lambda: 'a' * 'b', lambda: len(5), lambda: (lambda v: v())(5),
    lambda: [1, 2] < [1, 'a'], lambda: {}.pop(1), lambda: set().pop(), lambda: hash([]), lambda: iter(5),
    lambda: int(None), lambda: sorted(5), lambda: 'x' - 1, lambda: -'a', lambda: ~1.5, lambda: [1][1:2:0],
    lambda: float('1e400') and int(float('inf')), lambda: int(float('nan')), lambda: 2 ** 10000 * 1.0,
    lambda: (lambda a: a)(), lambda: (lambda: 0)(1), lambda: (lambda *, k: k)(k=1, j=2), lambda: print(end=5),
    lambda: tuple.__new__(list), lambda: object.__new__(int), lambda: str.upper(5), lambda: 'abc'.startswith(1),
]
for i, f in enumerate(cases):
    try:
        f()
        print(i, 'no error')
    except Exception as e:
        print(i, type(e).__name__, e)
