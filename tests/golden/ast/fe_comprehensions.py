[x for x in y]
[x for x in y if x if not x]
[(x, y) for x in a for y in b]
{x for x in y}
{k: v for k, v in d.items() if v}
(x for x in y)
f(x for x in y)
[x for x, in y]
[[y for y in x] for x in z]
