class CM:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM('a') as x:
    print('body', x)
with CM('a') as x, CM('b') as y:
    print('body', x, y)
with CM('s', suppress=True):
    raise ValueError('swallowed')
print('after suppress')
try:
    with CM('outer'), CM('inner'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', e)
def f():
    with CM('ret'):
        return 'returned value'
print(f())
for i in range(2):
    with CM(f'loop{i}'):
        if i == 0:
            continue
        break
with (CM('p1') as p1,
      CM('p2') as p2):
    print(p1, p2)
class NoEnter: pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class Targets:
    def __enter__(self): return (1, 2)
    def __exit__(self, *a): pass
with Targets() as (a, b):
    print(a, b)
