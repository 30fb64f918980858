class C:
    cls_attr = 1
    def __init__(self): self.inst = 2
    def method(self): pass
c = C()
print(callable(C), callable(c), callable(c.method), callable(len), callable(None), callable(lambda: 0))
print(vars(c), sorted(k for k in vars(C) if not k.startswith('__')))
print([n for n in dir(c) if not n.startswith('__')], [n for n in dir(C) if not n.startswith('_')])
print('__init__' in dir(C), 'append' in dir([]), 'upper' in dir(''), dir(5) == sorted(dir(5)))
try:
    vars(5)
except TypeError as e:
    print(e)
def f():
    a = 1
    b = 2
    return sorted(dir())
print(f())
import math
print('sqrt' in dir(math), vars(math) is math.__dict__)
