# The symtable module's API over _symtable, and _symtable's own surface.
import _symtable
import symtable

print(sorted((k, v) for k, v in vars(_symtable).items() if k.isupper()))
print(type(_symtable.symtable('x', 's', 'exec')).__name__)

CODE = '''
import sys
glob = 42
class Mine:
    instance_var = 24
    def a_method(p1, p2):
        pass
def spam(a, b, *var, **kw):
    global bar
    bar = 47
    x = 23
    glob
    def internal():
        return x
    def other_internal():
        nonlocal x
        x = 3
    return internal
lam = lambda q: [q for _ in sys.argv]
'''

def walk(t, ind=''):
    print(f"{ind}{t.get_type()} {t.get_name()} line={t.get_lineno()} optimized={t.is_optimized()} "
          f"nested={t.is_nested()} children={t.has_children()} {t}")
    if isinstance(t, symtable.Function):
        print(ind, 'params', t.get_parameters(), 'locals', t.get_locals(), 'globals', t.get_globals(),
              'nonlocals', t.get_nonlocals(), 'frees', t.get_frees())
    if isinstance(t, symtable.Class):
        print(ind, 'methods', t.get_methods())
    for s in t.get_symbols():
        print(ind, ' ', s, [n for n in ('referenced', 'imported', 'parameter', 'global', 'nonlocal',
                                         'declared_global', 'local', 'annotated', 'free', 'assigned',
                                         'namespace') if getattr(s, 'is_' + n)()])
    for c in t.get_children():
        walk(c, ind + '    ')

top = symtable.symtable(CODE, 'mod.py', 'exec')
walk(top)
print(top.lookup('spam').get_namespace().get_name())
try:
    top.lookup('nope')
except KeyError as e:
    print('KeyError', e)

for args in [(1, 's', 'exec'), ('x', 's', 'foo'), ('x', 's', b'exec'), ('x', 1, 'exec'), ('x', 's'),
             (b'x\0', 's', 'exec'), ('x = 1', 's', 'eval'), ('def f(x): global x', 'spam', 'exec'),
             ('def f(x): foo)(', 'spam', 'exec')]:
    try:
        t = _symtable.symtable(*args)
        print(args, t.name, t.symbols)
    except SyntaxError as e:
        print(args, 'SyntaxError', e.msg, e.filename, e.lineno, e.offset)
    except Exception as e:
        print(args, type(e).__name__, e)
try:
    _symtable.symtable(source='x', filename='s', startstr='exec')
except TypeError as e:
    print(e)
t = _symtable.symtable(b'# -*- coding: iso8859-15 -*-\nclass \xb4: pass\n', 's', 'exec')
print([c.name for c in t.children], t.children is t.children, isinstance(t.id, int))
try:
    t.name = 'x'
except AttributeError:
    print('read-only')
try:
    type(t)()
except TypeError as e:
    print(e)
