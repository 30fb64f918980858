def attempt(stmt):
    try:
        exec(stmt, {'__name__': '__main__'})
        print(stmt, '-> ok')
    except ImportError as e:
        print(stmt, '->', type(e).__name__ + ':', e, '| name =', e.name)
attempt('import no_such_module_xyz')
attempt('import pkg.no_such_sub')
attempt('from pkg import no_such_name')
attempt('from no_such_pkg import thing')
attempt('import _helper.sub')
attempt('from . import something')
attempt('from pkg.starmod import exported')
import importlib
try:
    importlib.import_module('..x', 'pkg')
except ImportError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module('.x')
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
