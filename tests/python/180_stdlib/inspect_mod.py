import inspect
def func(a, b: int = 2, *args, c, d='x', **kw) -> str:
    """Func doc."""
    return 'r'
sig = inspect.signature(func)
print(sig, list(sig.parameters), sig.return_annotation, sig.parameters['b'].default, sig.parameters['b'].annotation)
print([(p.name, p.kind.name) for p in sig.parameters.values()])
bound = sig.bind(1, c=3)
bound.apply_defaults()
print(bound.arguments, bound.args, bound.kwargs)
try:
    sig.bind()
except TypeError as e:
    print(e)
print(inspect.getsource(func))
class K:
    """K doc."""
    attr = 1
    def method(self): pass
    @property
    def prop(self): return 1
    @staticmethod
    def sm(): pass
print(inspect.getdoc(K), inspect.getdoc(func), inspect.getsourcelines(K.method)[1], inspect.getfile(func).endswith('inspect_mod.py'))
print(inspect.isclass(K), inspect.isfunction(K.method), inspect.ismethod(K().method), inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect))
print([n for n, _ in inspect.getmembers(K) if not n.startswith('__')], [n for n, _ in inspect.getmembers(K, inspect.isfunction)])
print(inspect.signature(lambda x, /, y=1: 0), inspect.signature(K.method), inspect.getmodule(func).__name__, inspect.getmro(bool))
def gen(): yield
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.getattr_static(K, 'prop').__class__.__name__, inspect.cleandoc('  a\n    b'))
def frame_info():
    f = inspect.currentframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, inspect.stack()[0].function
print(frame_info())
print(inspect.Parameter('x', inspect.Parameter.KEYWORD_ONLY, default=5), inspect.Signature([inspect.Parameter('a', inspect.Parameter.POSITIONAL_ONLY)]))
