# type(): name, __doc__ and __slots__ validation; namespace order of a dict subclass; bool(NotImplemented) warns; len() of a negative __len__
import sys, warnings
warnings.simplefilter('always')
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: type('A\x00B', (), {}))
t(lambda: type('A\udcdcB', (), {}))
t(lambda: type(b'A', (), {}))
A = type('C', (), {})
def setn(v):
    A.__name__ = v
t(lambda: setn('A\x00B'))
t(lambda: setn('A\udcdcB'))
t(lambda: setn(b'A'))
t(lambda: type('A', (), {'__doc__': 'x\udcdcy'}))
t(lambda: type('A', (), {'__slots__': b'x'}))
t(lambda: type('A', (int,), {'__slots__': 'x'}))
t(lambda: type('A', (), {'__slots__': ''}))
t(lambda: type('A', (), {'__slots__': '42'}))
t(lambda: type('A', (), {'__slots__': 'x\x00y'}))
t(lambda: type('A', (), {'__slots__': 'x', 'x': 0}))
t(lambda: type('A', (), {'__slots__': ('__dict__', '__dict__')}))
t(lambda: type('A', (), {'__slots__': ('__weakref__', '__weakref__')}))
class B: pass
t(lambda: type('A', (B,), {'__slots__': '__dict__'}))
t(lambda: type('A', (B,), {'__slots__': '__weakref__'}))
t(lambda: bool(NotImplemented))
t(lambda: not NotImplemented)
class H:
    def __len__(self): return -sys.maxsize - 10
t(lambda: len(H()))
class H2:
    def __len__(self): return sys.maxsize + 10
t(lambda: len(H2()))
class H3:
    def __len__(self): return -1
t(lambda: len(H3()))
code = compile("print('Hello World!')", "", "exec")
t(lambda: exec(code, {'__builtins__': {}}))
import collections
od = collections.OrderedDict([('a', 1), ('b', 2)]); od.move_to_end('a')
t(lambda: list(type('C', (), od).__dict__.items())[:2])
