def f(a, b, *, c): pass
class K:
    def m(self, x): pass
for call in [lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3, c=1), lambda: f(1, 2, c=1, d=2), lambda: f(1, a=1, b=2, c=3),
             lambda: K().m(), lambda: K().m(1, 2), lambda: K.m(1), lambda: K(1), lambda: len(1, 2), lambda: len(),
             lambda: int('1', 2, 3), lambda: abs(), lambda: isinstance(1), lambda: getattr(), lambda: [].append(1, 2),
             lambda: {}.get(), lambda: 'x'.join(1), lambda: 'x'.join([1]), lambda: sum('ab'), lambda: max(1, 2, 3, key=5)]:
    try:
        call()
    except TypeError as e:
        print(e)
none, five = None, 5
for expr in ['1 + None', '[] + ()', '{} | []', '"a" < 1', '1 < None', '[1] * 1.5', '"%d" % "x"', 'b"a" + "a"', 'none[0]', 'five[0]', 'len[0]', '{}[[]]', 'set([[]])', 'int.x']:
    try:
        eval(expr)
    except (TypeError, AttributeError) as e:
        print(expr, '->', type(e).__name__, e)
