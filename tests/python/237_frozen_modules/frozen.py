# The modules CPython 3.11 freezes look frozen: FrozenImporter loads them,
# spec origin 'frozen', code file names "<frozen NAME>", __file__ as
# FrozenImporter sets it; _imp's frozen functions answer for them.
import _imp
import inspect
import os
import sys

print(getattr(os, '__cached__', 'no __cached__'), os.__spec__.cached, os.__spec__.has_location, repr(os.__package__))
try:
    print(inspect.getsource(os.walk)[:40])
except OSError as e:
    print('OSError', e)
print(inspect.getsourcefile(os.walk), inspect.getfile(os.walk))
print(os.__spec__, os.__loader__, os.__file__, os.__spec__.loader_state)
import __hello__
print(__hello__.__file__, __hello__.__spec__)
__hello__.main()
import __hello_only__
print(list(vars(__hello_only__)), __hello_only__.__spec__, __hello_only__.initialized)
import __phello__
print(__phello__.__path__, __phello__.__spec__, __phello__.__file__)
import __phello__.spam, __phello__.ham.eggs
print(__phello__.spam.__file__, __phello__.ham.__path__, __phello__.ham.eggs.__spec__.loader_state)
print(sorted(vars(__phello__.ham.eggs)))
import __phello_alias__
print(__phello_alias__.__spec__, __phello_alias__.__spec__.loader_state, __phello_alias__.__path__,
      getattr(__phello_alias__, '__file__', None))
import __hello_alias__
print(__hello_alias__.__spec__.loader_state, __hello_alias__.__file__)
import codecs
print(codecs.__spec__, codecs.__spec__.loader_state, codecs.__file__)
import os.path
print(os.path.__name__, os.path.__spec__)
print(sys.modules['_frozen_importlib'].__spec__, sys.modules['_frozen_importlib'].__file__)
print(sys.modules['_frozen_importlib_external'].__spec__.loader_state, sys.modules['_frozen_importlib_external'].__file__)
import zipimport
print(zipimport.__spec__, zipimport.__spec__.loader_state, zipimport.__file__, zipimport.__loader__)
import importlib._bootstrap as b
print(b is sys.modules['_frozen_importlib'], b.__name__)
import runpy, importlib.util
print(runpy.__spec__, importlib.util.__spec__.loader_state, importlib.util.__file__)
print(os.walk.__code__.co_filename, runpy._run_module_as_main.__code__.co_filename,
      b._find_and_load.__code__.co_filename)
print(sys.meta_path[-3:])
for n in ['os', '__hello__', '__phello__', 'json', 'importlib.machinery']:
    s = importlib.util.find_spec(n)
    print(n, s.origin, type(s.loader).__name__ if s.origin != 'frozen' else s.loader)
import importlib
importlib.reload(os)
print(os.__spec__)
FI = importlib.machinery.FrozenImporter
print(FI.get_code('__hello__').co_filename, FI.is_package('__phello__'), FI.get_source('__phello__'))
print(repr(__hello__), repr(os))

# _imp
print(_imp._frozen_module_names())
for n in ['__hello__', '__phello__', '__hello_alias__', '__phello_alias__', '__hello_only__',
          '__phello__.spam', '__phello__.ham', '__phello__.ham.eggs', '__phello_alias__.spam',
          '__phello__.__init__', 'os', 'os.path', '_frozen_importlib', 'zipimport', 'importlib.util',
          'sys', 'json', 'nope']:
    print(n, _imp.is_frozen(n), _imp.find_frozen(n), _imp.is_frozen_package(n) if _imp.is_frozen(n) else '-')
for f in (lambda: _imp.get_frozen_object('nope'), lambda: _imp.is_frozen_package('nope'),
          lambda: _imp.init_frozen('nope'), lambda: _imp.is_frozen(3), lambda: _imp.find_frozen(3)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'name', '-'))
data, ispkg, origname = _imp.find_frozen('__hello__', withdata=True)
print(type(data).__name__, ispkg, origname)
code = _imp.get_frozen_object('__hello__')
print(code.co_filename, code.co_name)
for n in ['__hello__', '__hello_only__', '__phello__.__init__', '__phello_alias__', 'os.path',
          '__phello__.ham', '__phello__.ham.eggs']:
    print(n, _imp.get_frozen_object(n).co_filename)
_imp._override_frozen_modules_for_tests(-1)
print(_imp.is_frozen('__hello__'), _imp.find_frozen('__hello__'), _imp.is_frozen('os'), _imp.is_frozen('zipimport'))
print(_imp._frozen_module_names())
try:
    _imp.get_frozen_object('__hello__')
except ImportError as e:
    print('ImportError', e)
_imp._override_frozen_modules_for_tests(0)
print(_imp.is_frozen('__hello__'))
