calls = []
class Box:
    def __init__(self): self.items = {'k': 1}
    def get(self):
        calls.append('get')
        return self
b = Box()
b.get().items['k'] += 5
print(b.items, calls)
lst = [[1], [2]]
lst[1] *= 3
print(lst)
class Tracker:
    def __getitem__(self, k):
        calls.append(('getitem', k)); return 10
    def __setitem__(self, k, v):
        calls.append(('setitem', k, v))
calls.clear()
t = Tracker()
t['x'] += 1
print(calls)
s = 'ab'
s += s
print(s)
n = [1, 2]
n[0], n[1] = n[1], n[0]
print(n)
