import sys
a = sys.intern('hello world ' * 2)
b = sys.intern('hello world ' + 'hello world ')
print(a is b, a == b)
try:
    sys.intern(5)
except TypeError as e:
    print(e)
def who():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name
def caller():
    return who()
print(caller(), sys._getframe().f_code.co_name)
f = sys._getframe()
print(f.f_lineno, f.f_globals is globals(), f.f_back, type(f).__name__, f.f_code.co_filename.endswith('intern_getframe.py'))
def local_view():
    x = 42
    return sys._getframe().f_locals['x']
print(local_view())
try:
    sys._getframe(500)
except ValueError as e:
    print(e)
