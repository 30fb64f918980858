import sys
import _helper
import _helper as h2
from _helper import VALUE, greet as g
print(_helper.VALUE, VALUE, g('gilpy'), h2 is _helper, sys.modules['_helper'] is _helper)
import _helper
print('second import did not re-run the module')
print(_helper.__name__, _helper.__file__.endswith('_helper.py'), _helper.__doc__.split(':')[0])
print(type(_helper).__name__, 'greet' in dir(_helper), _helper.Thing.__module__)
del sys.modules['_helper']
import _helper as fresh
print(fresh is not h2, fresh.VALUE)
import os.path
import os.path as osp
from os import path as p2
print(osp is os.path, p2 is os.path, osp.join('a', 'b'))
