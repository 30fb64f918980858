gx = 'global value'
print(globals()['gx'], '__name__' in globals(), globals()['__name__'])
globals()['injected'] = 'via globals()'
print(injected)
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
def g():
    x = 1
    loc = locals()
    loc['x'] = 99
    return x
print(g())
class C:
    a = 1
    names = sorted(k for k in locals() if not k.startswith('__'))
print(C.names)
print(locals() is globals())
