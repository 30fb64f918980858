import nspkg.inner.mod as m
import nspkg
print(m.NAME, m.__name__, getattr(nspkg, '__file__', None), list(nspkg.__path__)[0].endswith('nspkg'))
print(type(nspkg.__path__).__name__)
