def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass
def g(*, a): pass
def h(a, /): pass
def i(a: int, *b: str, c: "x" = 1, **d: float) -> None: pass
def j(*args: *Ts): pass
