# Traceback objects (byte-offset tb_lasti, loops rejected), dict views not constructible, complex() keeps -0.0.
import sys, types, math
def get_tb():
    try: raise OSError()
    except OSError as e: return e.__traceback__
frame = sys._getframe()
tb = types.TracebackType(get_tb(), frame, 1, 2)
print(tb.tb_lasti, tb.tb_lineno, tb.tb_next is not None, get_tb().tb_lasti % 2)
for bad in [tb, ]:
    try: tb.tb_next = bad
    except ValueError as e: print(e)
try: tb.tb_next.tb_next = tb
except ValueError as e: print(e)
for t in (type({}.keys()), type({}.values()), type({}.items())):
    try: t({})
    except TypeError as e: print(e)
class complex2(complex): pass
for x in (0.0, -0.0):
    for y in (0.0, -0.0):
        print([ (math.copysign(1, z.real), math.copysign(1, z.imag)) for z in (complex(x, y), complex2(x, y), complex(complex2(x, y)), complex2(complex(x, y)))])
from types import GenericAlias
class SubClass(GenericAlias): ...
alias = SubClass(list, int)
print(alias == list[int], type(alias))
class Bad(GenericAlias):
    def __new__(cls, *args, **kwargs):
        super().__new__(cls, *args, **kwargs)
try: print(Bad(list, int, bad=int))
except TypeError as e: print('TE', e)
import types
class S:
    def __init__(s, **kw): s.__dict__.update(kw)
    def __getitem__(s, k): return s.__dict__[k]
m = types.MappingProxyType(S(a=1)); print(m['a'])
print(types.MappingProxyType('ab')[1])
for x in ([1], (1,), 3, None, object()):
    try: types.MappingProxyType(x)
    except TypeError as e: print(e)
