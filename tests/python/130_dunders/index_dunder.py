class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
i = Idx(2)
print([10, 20, 30][i], 'abcdef'[Idx(1):Idx(4)], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), range(Idx(3)))
print(operator_index := __import__('operator').index(Idx(7)), int(Idx(9)) if hasattr(Idx, '__int__') else 'no __int__', [1, 2] * Idx(2))
print((1).__index__(), True.__index__(), 2 ** 100 == __import__('operator').index(2 ** 100))
try:
    fl = 1.0
    [1][fl]
except TypeError as e:
    print(e)
class IntOnly:
    def __int__(self): return 42
    def __float__(self): return 4.5
    def __complex__(self): return 1j
print(int(IntOnly()), float(IntOnly()), complex(IntOnly()))
try:
    [1, 2][IntOnly()]
except TypeError as e:
    print(e)
import math
class Trunc:
    def __trunc__(self): return 7
    def __floor__(self): return 6
    def __ceil__(self): return 8
    def __round__(self, n=None): return ('round', n)
print(math.trunc(Trunc()), math.floor(Trunc()), math.ceil(Trunc()), round(Trunc()), round(Trunc(), 2))
