# Decorated definitions start at their first decorator (co_firstlineno, inspect.getsource); each decorator call is located at its @ line
import inspect, traceback
def deco(f): return f
def bad(f): raise TypeError
@deco
@deco
def g():
    return 1
print(g.__code__.co_firstlineno, inspect.getsource(g))
@deco
class K:
    pass
print(inspect.getsource(K))
try:
    @bad
    @deco
    def h(): pass
except TypeError:
    traceback.print_exc()
