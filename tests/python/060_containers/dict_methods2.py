d = {'a': [1], 'b': [2]}
c = d.copy()
c['a'].append(9); c['c'] = 3
print(d, c)
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(x=1)
print(m['x'], m['ab'], m.get('ab'), 'ab' in m)
counts = {}
for w in 'the cat the dog the end'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: -kv[1]))
inv = {v: k for k, v in {'a': 1, 'b': 2}.items()}
print(inv, dict(map(reversed, inv.items())))
print(list(dict(a=1).items())[0], {}.get(1, 'dflt'), dict.__name__, {}.keys() == set())
nested = {'x': {'y': {'z': 1}}}
nested['x']['y']['w'] = 2
print(nested, len(nested['x']['y']))
