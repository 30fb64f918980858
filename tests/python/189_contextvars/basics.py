import contextvars, re
from contextvars import ContextVar, Context, Token, copy_context

def addr(s):
    return re.sub(r'0x[0-9a-f]+', '0x?', s)

v = ContextVar('v')
w = ContextVar('w', default=42)
print(addr(repr(v)), addr(repr(w)), v.name, w.get(), w.get(7))
try:
    v.get()
except LookupError as e:
    print('LookupError', addr(repr(e)))
print(v.get('dflt'))
t = v.set(1)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING), addr(repr(t)))
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
try:
    v.reset(t2)
except RuntimeError as e:
    print('RuntimeError', addr(str(e)))
try:
    w.reset(t)
except ValueError as e:
    print('ValueError', addr(str(e)))
v.reset(t)
print(v.get(None))

ctx = copy_context()
print(type(ctx).__name__, len(ctx), w in ctx, v in ctx)
v.set('outer')
ctx2 = copy_context()
print(ctx2[v], ctx2.get(v), ctx2.get(w), ctx2.get(w, 'd'), list(ctx2.keys()) == [v], list(ctx2.values()),
      [(k.name, val) for k, val in ctx2.items()], [k.name for k in ctx2])
def inner(x, *, y):
    v.set('inner')
    return (x, y, v.get())
print(ctx2.run(inner, 1, y=2), v.get(), ctx2[v])
try:
    ctx2[w]
except KeyError as e:
    print('KeyError', addr(repr(e)))
try:
    ctx2['nope']
except TypeError as e:
    print('TypeError', e)
try:
    ContextVar(5)
except TypeError as e:
    print('TypeError', e)
try:
    class Sub(ContextVar): pass
except TypeError as e:
    print('TypeError')  # CPython names the type '_contextvars.ContextVar'; gilpy says 'ContextVar'
def reenter():
    return ctx2.run(lambda: 1)
try:
    ctx2.run(reenter)
except RuntimeError as e:
    print('RuntimeError', addr(str(e)))
print(Context() == Context(), ctx2 == ctx2.copy(), ctx == ctx2, len(Context()))
t3 = v.set('x')
try:
    Context().run(v.reset, t3)
except ValueError as e:
    print('ValueError', addr(str(e)))
print(ContextVar[int], Token[str], contextvars.__all__)
