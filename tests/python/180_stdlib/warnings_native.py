# The native _warnings module: the interface warnings.py takes from it, the
# default filters, registries, actions, stacklevel and showing.
import sys

# Before anything imports warnings, native warnings are written by _warnings itself.
compile("x = 1 is 1", "<native>", "exec")
print("warnings imported:", "warnings" in sys.modules)

import _warnings
import warnings

print(warnings.warn is _warnings.warn, warnings.warn_explicit is _warnings.warn_explicit)
print(warnings.filters is _warnings.filters, warnings.onceregistry is _warnings._onceregistry)
print(_warnings._defaultaction, warnings.defaultaction)
for f in warnings.filters:
    print(f)


# source= reaches WarningMessage.source (warnings.py's fallback put it in `file`).
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    src = object()
    warnings.warn("with source", RuntimeWarning, source=src)
    warnings.warn("no source", RuntimeWarning)
    print([(x.source is src, x.category.__name__, str(x.message), x.lineno, x.file) for x in w])


# Registries: what each action records.
def registry_after(action, text):
    reg = {}
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter(action)
        for _ in range(2):
            warnings.warn_explicit(text, UserWarning, "reg.py", 7, registry=reg)
    reg.pop("version")
    return len(w), sorted(map(repr, reg))


for action in ("default", "always", "module", "once", "ignore"):
    print(action, registry_after(action, action + " text"))


# stacklevel walks the calling frames; beyond the stack it is "sys", line 1.
def inner(level):
    warnings.warn("level %d" % level, UserWarning, stacklevel=level)


def outer(level):
    inner(level)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for level in (-1, 0, 1, 2, 3, 100):
        outer(level)
    for x in w:
        print(str(x.message), x.filename.rsplit("/", 1)[-1], x.lineno)


# Shown on stderr with the source line, once per location with "default".
warnings.simplefilter("default")
for i in range(3):
    warnings.warn("shown once from this line")
warnings.warn("a second location")
warnings.warn(FutureWarning("an instance"), UserWarning)
warnings.warn_explicit("explicit", SyntaxWarning, "nowhere.py", 12)
warnings.warn_explicit("explicit", SyntaxWarning, "nowhere.py", 12)
sys.stderr.flush()
print("registry keys", sorted(repr(k) for k in __warningregistry__ if k != "version"))

# Native warnings share the filters and the module's registry.
class Trunc:
    def __trunc__(self):
        return 3


print(int(Trunc()), int(Trunc()))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    int(Trunc())
    compile("x = 1 is 1", "<rec>", "exec")
    print([(x.category.__name__, str(x.message), x.filename.rsplit("/", 1)[-1]) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error", DeprecationWarning)
    try:
        int(Trunc())
    except DeprecationWarning as e:
        print("error:", e)

# Errors.
def attempt(fn, *args, **kw):
    try:
        fn(*args, **kw)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


attempt(_warnings.warn, "x", str)
attempt(_warnings.warn, "x", 5)
attempt(_warnings.warn, "x", UserWarning, "a")
attempt(_warnings.warn_explicit, "x", UserWarning, 5, 1)
attempt(_warnings.warn_explicit, "x", UserWarning, "f", 1, module_globals=5)
attempt(_warnings.warn_explicit, "x", UserWarning, "f", 1, registry=5)
with warnings.catch_warnings():
    warnings.filters[:] = [("bogus", None, Warning, None, 0)]
    attempt(_warnings.warn, "x")
    attempt(_warnings.warn, "x")  # the registry recorded it before the error
    warnings.filters[:] = [(1, None, Warning, None, 0)]
    attempt(_warnings.warn, "x1")
    warnings.filters[:] = [(1,)]
    attempt(_warnings.warn, "x2")
    warnings.filters = 5
    attempt(_warnings.warn, "x3")
with warnings.catch_warnings():
    warnings.filters = []
    warnings.defaultaction = None
    attempt(_warnings.warn_explicit, "foo", Warning, "bar", 1)
    warnings.defaultaction = "default"
    warnings.filterwarnings("once")
    warnings.onceregistry = None
    attempt(_warnings.warn_explicit, "foo", Warning, "bar", 1, registry=None)
    warnings.onceregistry = _warnings._onceregistry
    # module=None (late at shutdown): ignored.
    attempt(_warnings.warn_explicit, "foo", Warning, "bar", 1, module=None)

# module_globals: the loader's source gives the line; past its end, IndexError.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    g = {"__loader__": warnings.__loader__, "__name__": "warnings"}
    _warnings.warn_explicit("mg", UserWarning, "mg.py", 3, module_globals=g)
    attempt(_warnings.warn_explicit, "mg", UserWarning, "mg.py", 10**6, module_globals=g)
    print([(str(x.message), x.filename, x.lineno, x.line) for x in w])

# A replaced showwarning is called, and filters with compiled patterns match.
def show(message, category, filename, lineno, file=None, line=None):
    print("showwarning:", message, category.__name__, filename.rsplit("/", 1)[-1], lineno)


with warnings.catch_warnings():
    warnings.showwarning = show
    warnings.filterwarnings("always", message="spam", module="__main__")
    warnings.filterwarnings("ignore", message="spam and eggs")
    warnings.warn("spam")
    warnings.warn("spam and eggs")
    warnings.warn("eggs")
print("done")
