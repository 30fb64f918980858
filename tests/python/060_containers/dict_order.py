d = {}
for key in ['z', 'y', 'x', 'w']:
    d[key] = len(d)
print(d)
del d['y']; d['y'] = 9
print(d, list(d.items()))
d2 = dict.fromkeys(range(10))
for i in range(0, 10, 2):
    del d2[i]
d2[0] = 'back'
print(list(d2))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
print({1: 1, 2: 2} == {2: 2, 1: 1}, list({2: 2, 1: 1}))
from collections import OrderedDict
o = OrderedDict(a=1, b=2)
o.move_to_end('a')
print(o, o == OrderedDict(b=2, a=1), o == OrderedDict(a=1, b=2))
