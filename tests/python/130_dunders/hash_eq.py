class NoHash:
    def __eq__(self, o): return True
print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class Keyed:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, Keyed) and self.k == o.k
    def __hash__(self): return hash(self.k)
    def __repr__(self): return f'K{self.k}'
s = {Keyed(1), Keyed(1), Keyed(2)}
print(len(s), Keyed(1) in s, {Keyed(3): 'v'}[Keyed(3)])
class Inherit(Keyed): pass
print(hash(Inherit(5)) == hash(5))
class EqOnlySub(Keyed):
    def __eq__(self, o): return False
print(EqOnlySub.__hash__)
class Default: pass
a = Default()
print(hash(a) == hash(a), a == a, a != Default(), {a: 1}[a])
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class BadHash:
    def __hash__(self): return 'str'
try:
    hash(BadHash())
except TypeError as e:
    print(e)
