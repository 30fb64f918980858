# exec(closure=), input() with a stdout that cannot flush, zip/map/filter
# pickling, zip() keeping iter()'s own error, dir() of modules, objects
# without __class__ and tracebacks.
import io
import pickle
import sys
import types
from types import CellType


def make():
    a = 2
    b = 3
    def use():
        nonlocal a
        print('a*b =', a * b)
        a = 10
    return use


use = make()
exec(use.__code__, use.__globals__, closure=use.__closure__)
print(use.__closure__[0].cell_contents)
exec(use.__code__, use.__globals__, closure=(CellType(7), CellType(5)))
for source, closure in [('x = 1', (CellType(1),)), (use.__code__, None), (use.__code__, [CellType(1), CellType(2)]),
                        (use.__code__, (CellType(1), 2)), ((lambda: 0).__code__, (CellType(1),))]:
    try:
        exec(source, {}, closure=closure)
    except TypeError as e:
        print('TypeError', e)


class NoFlush:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)


saved = sys.stdout, sys.stdin
sys.stdout = NoFlush()
sys.stdin = io.StringIO('typed\n')
try:
    got = input('prompt> ')
finally:
    out, (sys.stdout, sys.stdin) = sys.stdout, saved
print(repr(got), out.parts)

for it in (zip([1, 2], 'ab'), zip([1], [2], strict=True), map(pow, [2, 3], [3, 2]), filter(None, [0, 1, 2])):
    r = it.__reduce__()
    print(type(it).__name__, r[0].__name__, len(r[1]), r[2:] if len(r) > 2 else '')
    print(list(pickle.loads(pickle.dumps(it))))


class Bad:
    def __iter__(self):
        raise ValueError('no iteration here')


for args in [(Bad(),), (1,)]:
    try:
        zip(*args)
    except Exception as e:
        print(type(e).__name__, e)


class Foo(types.ModuleType):
    __dict__ = 8


try:
    dir(Foo('foo'))
except TypeError as e:
    print('TypeError', e)


class NoClass:
    __slots__ = ['__class__', '__dict__']
    def __init__(self):
        self.bar = 'wow'


print(dir(NoClass()))
try:
    raise IndexError
except IndexError as e:
    print(dir(e.__traceback__))
