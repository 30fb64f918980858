import types
def f(): pass
def g(): yield
class C:
    def m(self): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(C().m, types.MethodType), isinstance(g(), types.GeneratorType))
print(isinstance(types, types.ModuleType), type(f.__code__) is types.CodeType, types.NoneType is type(None), types.EllipsisType is type(...))
ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b='two', c=[3]))
mp = types.MappingProxyType({'k': 'v'})
print(mp['k'], list(mp), len(mp))
try:
    mp['x'] = 1
except TypeError as e:
    print(e)
Dyn = types.new_class('Dyn', (object,), {}, lambda ns: ns.update({'x': 5}))
print(Dyn.__name__, Dyn.x)
print(types.resolve_bases((int,)), types.prepare_class('P')[0])
bound = types.MethodType(lambda self: self * 2, 21)
print(bound())
print(type(int.__add__).__name__, type((1).__add__).__name__, type(str.join).__name__, isinstance(C.__dict__['m'], types.FunctionType))
print(types.GenericAlias(list, (int,)), type(list[int]) is types.GenericAlias, int | None, type(int | None) is types.UnionType)
