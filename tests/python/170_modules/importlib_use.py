import importlib, sys
m = importlib.import_module('pkg.sub')
print(m.__name__, m.sub_func())
r = importlib.import_module('.starmod', 'pkg')
print(r.__name__, r.exported)
h = importlib.import_module('_helper')
h.VALUE = 'changed'
h2 = importlib.reload(h)
print(h2 is h, h.VALUE)
print(importlib.import_module('json') is sys.modules['json'])
import importlib.util
print(importlib.util.find_spec('pkg').name, importlib.util.find_spec('no_such_module_xyz'))
mod = __import__('pkg.subpkg', fromlist=['deep_func'])
print(mod.__name__, mod.deep_func())
top = __import__('pkg.subpkg')
print(top.__name__)
