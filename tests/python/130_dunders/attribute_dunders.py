class Dyn:
    def __init__(self): self.real = 'real'
    def __getattr__(self, name):
        if name.startswith('x'):
            return f'computed {name}'
        raise AttributeError(f'no {name}')
d = Dyn()
print(d.real, d.xyz, hasattr(d, 'abc'), getattr(d, 'abc', 'default'))
class Logged:
    def __init__(self): object.__setattr__(self, 'log', [])
    def __getattribute__(self, name):
        if name != 'log':
            object.__getattribute__(self, 'log').append(('get', name))
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(('set', name))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(('del', name))
        object.__delattr__(self, name)
l = Logged()
l.a = 1; l.a; del l.a
try:
    l.a
except AttributeError as e:
    print('AttributeError', e)
print(l.log)
class Both:
    def __getattribute__(self, name):
        if name == 'boom': raise AttributeError('from getattribute')
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return f'fallback {name}'
print(Both().boom)
class Frozen:
    def __setattr__(self, n, v): raise AttributeError(f'cannot set {n}')
try:
    Frozen().q = 1
except AttributeError as e:
    print(e)
