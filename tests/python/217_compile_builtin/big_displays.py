# Displays and calls with more than 30 items are built one item at a time
# (CPython's STACK_USE_GUIDELINE): same values, small co_stacksize.
import math

N = 100
src = {
    'list': "[" + ", ".join(f"x+{i}" for i in range(N)) + "]",
    'tuple': "(" + ", ".join(f"x+{i}" for i in range(N)) + ")",
    'set': "{" + ", ".join(f"x+{i}" for i in range(N)) + "}",
    'dict': "{" + ", ".join(f"x+{i}: {i}" for i in range(N)) + "}",
    'star list': "[" + ", ".join(f"x+{i}" for i in range(N)) + ", *range(3)]",
    'call': "f(" + ", ".join(f"x+{i}" for i in range(N)) + ")",
    'call kw': "f(" + ", ".join(f"a{i}=x+{i}" for i in range(N)) + ")",
    'method': "o.m(" + ", ".join(f"x+{i}" for i in range(N)) + ", k=1)",
    'method kw': "o.m(1, " + ", ".join(f"a{i}=x" for i in range(N)) + ")",
}


def f(*args, **kw):
    return len(args), sum(args), len(kw), sum(kw.values())


class O:
    def m(self, *args, **kw):
        return type(self).__name__, len(args), sorted(kw)[:2]


for name, text in src.items():
    code = compile(text, "<big>", "eval")
    value = eval(code, {'x': 1, 'f': f, 'o': O()})
    small = code.co_stacksize <= math.ceil(math.log(len(code.co_code)))
    if isinstance(value, (list, tuple)):
        value = (type(value).__name__, len(value), value[:3], value[-3:])
    elif isinstance(value, set):
        value = ('set', len(value), min(value), max(value))
    elif isinstance(value, dict):
        value = ('dict', len(value), list(value.items())[:2])
    # (CPython builds a dict display in chunks of 16 pairs, gilpy pair by pair:
    # both bounded, but only gilpy's stays under log(len(co_code)) here.)
    print(name, value, 'small stack:', small if name != 'dict' else '-')


class Many(*[object] * 1, **{}):
    pass


def g(*a, **k):
    return len(a), len(k)


args = list(range(40))
print(g(*args, *args), g(0, 1, *args, x=1, **{'y': 2}))
