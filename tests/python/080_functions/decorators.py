import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
def add(a, b=0):
    """adds"""
    return a + b
print(add(1, b=2), add.__name__, add.__doc__, add.__wrapped__(5))
@repeat(3)
@trace
def hi(x): return x * 2
print(hi(4))
order = []
def mark(tag):
    order.append('make ' + tag)
    def d(f):
        order.append('apply ' + tag)
        return f
    return d
@mark('a')
@mark('b')
def f(): pass
print(order)
class Registry:
    items = []
    @classmethod
    def register(cls, f):
        cls.items.append(f.__name__)
        return f
@Registry.register
def one(): pass
@(lambda f: f)
def two(): return 'two'
print(Registry.items, two())
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
def class_deco(cls):
    cls.tag = 'decorated'
    return cls
@class_deco
class K: pass
print(K.tag)
