a, b, c = range(3); print(a, b, c)
a, b = {1: 'x', 2: 'y'}.items(); print(a, b)
a, *b = iter([1, 2, 3]); print(a, b)
def gen():
    yield 'g1'
    yield 'g2'
a, b = gen(); print(a, b)
(a,) = [42]; print(a)
[a] = 'z'; print(a)
a, b = b'\x01\x02'; print(a, b)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration
        return self.n
a, b = It(); print(a, b)
try:
    a, b = It(), 1, 2
except ValueError as e:
    print(e)
