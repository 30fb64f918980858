class C:
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v):
        print('__init__', v)
        self.v = v
c = C(1)
print(c.created, c.v)
class Other:
    def __new__(cls): return 42
    def __init__(self): print('never')
print(Other())
class Point(tuple):
    def __new__(cls, x, y): return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Point(3, 4)
print(p, p.x, isinstance(p, tuple), len(p))
class UpperStr(str):
    def __new__(cls, s): return super().__new__(cls, s.upper())
print(UpperStr('hello'), type(UpperStr('x')).__name__, UpperStr('ab') + 'c')
class InitReturns:
    def __init__(self): return 5
try:
    InitReturns()
except TypeError as e:
    print(e)
class Args:
    pass
try:
    Args(1)
except TypeError as e:
    print(e)
