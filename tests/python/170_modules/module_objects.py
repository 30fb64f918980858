import types, sys
m = types.ModuleType('dyn', 'dynamic doc')
m.x = 1
exec('y = x + 1', m.__dict__)
print(m.__name__, m.__doc__, m.y, sorted(k for k in vars(m) if not k.startswith('__')), repr(m))
sys.modules['dyn'] = m
import dyn
print(dyn is m, dyn.y)
print(__name__, __spec__, __package__, __loader__ is not None)
import json
print(json.__spec__.name, json.__package__, json.__name__, json.__loader__ is not None)
print(sys.modules[__name__] is __import__('__main__'))
def mod_getattr_demo():
    mod = types.ModuleType('lazy')
    mod.__getattr__ = lambda name: f'lazy {name}'
    return mod.anything
print(mod_getattr_demo())
