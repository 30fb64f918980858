import pkg
print(pkg.PKG_CONST, pkg.sub_func(), pkg.sub.SEEN_CONST)
import pkg.sub
from pkg.subpkg import deep_func
from pkg.subpkg.deep import deep_func as df2
print(deep_func(), deep_func is df2)
import pkg.subpkg.deep as d
print(d.__name__, d.__package__, pkg.subpkg.__name__, pkg.__package__, pkg.sub.__package__)
print(pkg.__path__[0].endswith('pkg'), hasattr(pkg.sub, '__path__'), pkg.__file__.endswith('__init__.py'))
import sys
print(sorted(k for k in sys.modules if k == 'pkg' or k.startswith('pkg.')))
