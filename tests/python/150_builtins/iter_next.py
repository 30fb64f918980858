it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
vals = iter([5, 4, 3, 0, 9])
print(list(iter(lambda: next(vals), 0)))
class Reader:
    def __init__(self): self.lines = ['a', 'b', '', 'c']
    def readline(self): return self.lines.pop(0)
r = Reader()
print(list(iter(r.readline, '')))
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
try:
    iter(5, 0)
except TypeError as e:
    print(e)
d = {'a': 1}
print(list(iter(d)), list(iter('xy')), list(iter(range(2))), iter(it) is it)
