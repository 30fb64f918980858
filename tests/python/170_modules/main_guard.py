print('main module __name__ =', __name__)
import _guarded
print(_guarded.main())
import runpy
ns = runpy.run_module('_guarded', run_name='__main__')
print(ns['__name__'])
if __name__ == '__main__':
    print('this file runs as __main__')
import __main__
print(__main__.__name__, hasattr(__main__, 'runpy'))
