from functools import reduce, partial
def apply_twice(f, x): return f(f(x))
print(apply_twice(lambda v: v * 3, 2))
print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 'init'))
pw = partial(pow, 2)
print(pw(10), partial(int, base=2)('1010'), pw.func is pow, pw.args)
def curry(f):
    def c(*args):
        if len(args) >= f.__code__.co_argcount:
            return f(*args)
        return lambda *more: c(*args, *more)
    return c
@curry
def add3(a, b, c): return a + b + c
print(add3(1)(2)(3), add3(1, 2)(3), add3(1, 2, 3))
print(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'a'])), sorted(map(abs, [-3, 1, -2])))
