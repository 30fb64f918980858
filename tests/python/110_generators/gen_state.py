import inspect
def g():
    yield 1
    yield 2
it = g()
print(inspect.getgeneratorstate(it))
next(it)
print(inspect.getgeneratorstate(it), it.gi_running, it.gi_frame is not None, it.__name__, it.__qualname__)
list(it)
print(inspect.getgeneratorstate(it), it.gi_frame)
print(iter(it) is it, hasattr(it, '__next__'), type(it).__name__)
def locals_gen(a):
    b = a * 2
    yield
it = locals_gen(3)
next(it)
print(it.gi_frame.f_locals)
