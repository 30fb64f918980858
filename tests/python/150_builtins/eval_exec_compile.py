print(eval('1 + 2 * 3'), eval('x + 1', {'x': 41}), eval('y', {}, {'y': 'local'}), eval('[i * i for i in range(4)]'))
ns = {}
exec('a = 1\ndef f(n):\n    return n + a\nb = f(10)', ns)
print(ns['a'], ns['b'], sorted(k for k in ns if k != '__builtins__'))
code = compile('z = 5 * 5', '<string>', 'exec')
loc = {}
exec(code, {}, loc)
print(loc, type(code).__name__, code.co_filename)
expr = compile('3 ** 4', 'expr', 'eval')
print(eval(expr), compile('print("single")', '<s>', 'single') is not None)
exec(compile('print("ran single")', '<s>', 'single'))
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.lineno, e.offset, e.text, e.filename)
try:
    exec('def f(:\n pass')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.lineno)
try:
    eval('undefined_name')
except NameError as e:
    print(e)
g = {'__builtins__': {}}
try:
    eval('len([1])', g)
except NameError as e:
    print('restricted', e)
x = 10
def scope():
    x = 20
    return eval('x'), eval('x', globals())
print(scope())
print(eval(' 7 '), eval('\n8\n'.strip()))
exec('import math as _m; R = _m.floor(2.5)', ns)
print(ns['R'])
