import itertools
class G(itertools.groupby):
    def __next__(self):
        return super().__next__()
print([(k, list(g)) for k, g in G('aaab')])
class C(itertools.count):
    def __next__(self): return super().__next__() * 2
c = C(3); print(next(c), next(c))
class Ch(itertools.chain):
    pass
print(list(Ch('ab', 'cd')))
