# object.__getstate__ reads the slots named by copyreg._slotnames (or the
# class's own __slotnames__) with getattr.
import copyreg
class S(str):  # not interned
    pass
class A:
    __slotnames__ = [S('spam')]
    def __getattr__(self, attr):
        if attr == 'spam':
            A.__slotnames__[:] = [S('spam')]
            return 42
        else:
            raise AttributeError
print(A().__reduce_ex__(2) == (copyreg.__newobj__, (A,), (None, {'spam': 42}), None, None))
print(A().__getstate__())
class P:
    __slots__ = ('a', 'b', '__dict__')
p = P()
p.a = 1
print(p.__getstate__(), P.__slotnames__)
p.x = 5
print(p.__getstate__())
class Q:
    __slotnames__ = ['x', 'y']
q = Q()
q.y = 3
print(q.__getstate__())
class Grows:
    __slotnames__ = ['a']
    def __getattr__(self, name):
        Grows.__slotnames__.append('b')
        return 1
try:
    Grows().__getstate__()
except RuntimeError as e:
    print("RuntimeError:", e)
class Bad:
    __slotnames__ = 'a'
try:
    Bad().__getstate__()
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
pl = Plain()
print(pl.__getstate__(), '__slotnames__' in Plain.__dict__)
import pickle
pl.v = 7
print(pickle.loads(pickle.dumps(pl)).v)
