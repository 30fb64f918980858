d = {'b': 2, 'a': 1}
d['c'] = 3; d['a'] = 10
print(d, len(d), d['b'], d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d, list(d))
print(d.pop('b'), d.pop('zz', 'dflt'), d.setdefault('e', 5), d.setdefault('a', 99), d)
print(d.popitem(), d)
d.update({'x': 1}, y=2); d.update([('z', 3)]); print(d)
del d['x']; print(d)
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({'k': 'v'}, k2='v2'), dict.fromkeys('abc', 0), dict(zip('xy', [1, 2])))
print({**{'a': 1}, 'b': 2, **{'a': 3}}, {'a': 1} | {'b': 2}, {'a': 1} == {'a': 1.0})
e = {'q': 1}; e |= {'r': 2}; print(e)
print({1: 'int', 1.0: 'float'}, {(1, 2): 'tuple'}[(1, 2)], dict(sorted({'b': 1, 'a': 2}.items())))
try:
    {[]: 1}
except TypeError as e:
    print(e)
