import sys
print(sys.exc_info(), sys.exception())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb.tb_lineno, sys.exception() is v)
    try:
        raise ValueError('nested')
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print('restored', sys.exc_info()[0].__name__)
print(sys.exc_info(), sys.exception())
def in_func():
    return sys.exc_info()[0]
try:
    1 / 0
except ZeroDivisionError:
    print(in_func().__name__)
def gen():
    yield sys.exc_info()[0]
try:
    raise IndexError
except IndexError:
    g = gen()
    print(next(g))
