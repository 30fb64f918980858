class CountDown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(3)), sum(CountDown(4)), [x for x in CountDown(2)], 2 in CountDown(3))
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), list(iter(Seq())), sorted(Seq(), reverse=True))
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return 'abc'[i]
print(list(reversed(Rev())))
class WithReversed:
    def __iter__(self): return iter([1, 2])
    def __reversed__(self): return iter(['custom', 'reverse'])
print(list(reversed(WithReversed())))
class NotIter: pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class NoneIter:
    __iter__ = None
    def __getitem__(self, i): return i
try:
    iter(NoneIter())
except TypeError as e:
    print(e)
