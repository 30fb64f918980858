# Keyword arguments from ** mappings: repeats, names after the mapping, mappings
# that list a key twice, non-string keys, and the callable's name in errors.
def f(*a, **k):
    return a, k
class MultiDict:
    def __init__(self, items): self.items = items
    def keys(self): return [k for k, v in self.items]
    def __getitem__(self, key): return dict(self.items)[key]
nothing = None
h = f
cases = [
    lambda: f(1, 2, **{'a': -1, 'b': 5}, a=4, c=6),
    lambda: f(a=1, **{'b': 2}, c=3, **{'d': 4}),
    lambda: f(**MultiDict([('x', 1), ('x', 2)])),
    lambda: f(a=3, **MultiDict([('x', 1), ('y', 2)])),
    lambda: f(**{1: 2}),
    lambda: f(**{1: 3}, **{1: 5}),
    lambda: nothing(*h),
    lambda: nothing(**h),
    lambda: f(**h),
    lambda: id(1, **{'foo': 1}),
    lambda: len([], x=1),
    lambda: [].append(1, x=1),
    lambda: {}.get(1, default=2),
    lambda: print('kw ok', end='!\n'),
]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
class BrokenSequence:
    def __getitem__(self, i):
        raise TypeError("myerror")
try:
    f(*BrokenSequence())
except TypeError as e:
    print("TypeError:", e)
for src in ['{**{} for a in [1]}', 'dict(a = i for i in range(10))', 'f(a = 1 for)']:
    try:
        compile(src, 's', 'eval')
    except SyntaxError as e:
        print(e.msg, e.offset, e.end_offset)
