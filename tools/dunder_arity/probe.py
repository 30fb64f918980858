"""Calls the dunders (or, with ALL=1 in the environment, the public methods) of
many builtin and native-module types with 0, 1 and 2 arguments and prints one
line per call: `type.method/N ok` or the exception. Run by tools/dunder_arity.py
under gilpy and CPython; argv[1] is the index of the first call (the driver
restarts after a crash)."""
import sys, os
START = int(sys.argv[1]) if len(sys.argv) > 1 else 0
ONLY_DUNDER = os.environ.get("ALL") is None
import array, collections, datetime, io, itertools, functools, operator, struct, re, weakref, _thread, types, math, decimal, fractions, random, hashlib
def f(): pass
def gen():
    yield 1
class C:
    def m(self): pass
import tempfile
tmpdir = tempfile.mkdtemp()
tmp = os.path.join(tmpdir, "f")
open(tmp, "w").close()
factories = [
    ("list", lambda: [1]), ("tuple", lambda: (1,)), ("dict", lambda: {1: 2}), ("set", lambda: {1}), ("frozenset", lambda: frozenset()),
    ("str", lambda: "ab"), ("bytes", lambda: b"ab"), ("bytearray", lambda: bytearray(b"ab")), ("int", lambda: 5), ("bool", lambda: True),
    ("float", lambda: 1.5), ("complex", lambda: 1j), ("object", lambda: object()), ("type", lambda: int), ("range", lambda: range(3)),
    ("slice", lambda: slice(1)), ("memoryview", lambda: memoryview(b"ab")), ("list_iterator", lambda: iter([1])), ("tuple_iterator", lambda: iter((1,))),
    ("str_iterator", lambda: iter("a")), ("dict_keyiterator", lambda: iter({1: 2})), ("dict_keys", lambda: {1: 2}.keys()),
    ("dict_values", lambda: {1: 2}.values()), ("dict_items", lambda: {1: 2}.items()), ("reversed", lambda: reversed([1])),
    ("enumerate", lambda: enumerate([1])), ("zip", lambda: zip([1])), ("map", lambda: map(len, ["a"])), ("filter", lambda: filter(None, [1])),
    ("property", lambda: property(f)), ("staticmethod", lambda: staticmethod(f)), ("classmethod", lambda: classmethod(f)),
    ("function", lambda: f), ("method", lambda: C().m), ("builtin", lambda: len), ("generator", lambda: gen()),
    ("code", lambda: f.__code__), ("module", lambda: types), ("NotImplemented", lambda: NotImplemented), ("Ellipsis", lambda: ...),
    ("None", lambda: None), ("ValueError", lambda: ValueError(1)), ("OSError", lambda: OSError(2, "x")), ("StopIteration", lambda: StopIteration(1)),
    ("array", lambda: array.array("i", [1])), ("deque", lambda: collections.deque([1])), ("OrderedDict", lambda: collections.OrderedDict(a=1)),
    ("defaultdict", lambda: collections.defaultdict(list)), ("date", lambda: datetime.date(2000, 1, 2)), ("datetime", lambda: datetime.datetime(2000, 1, 2)),
    ("time", lambda: datetime.time(1)), ("timedelta", lambda: datetime.timedelta(1)), ("timezone", lambda: datetime.timezone.utc),
    ("StringIO", lambda: io.StringIO("a")), ("BytesIO", lambda: io.BytesIO(b"a")), ("TextIOWrapper", lambda: open(tmp)),
    ("BufferedReader", lambda: open(tmp, "rb")), ("FileIO", lambda: open(tmp, "rb", buffering=0)),
    ("count", lambda: itertools.count()), ("chain", lambda: itertools.chain([1])), ("islice", lambda: itertools.islice([1], 1)),
    ("product", lambda: itertools.product([1])), ("groupby", lambda: itertools.groupby([1])), ("repeat", lambda: itertools.repeat(1, 2)),
    ("partial", lambda: functools.partial(f)), ("itemgetter", lambda: operator.itemgetter(0)), ("attrgetter", lambda: operator.attrgetter("a")),
    ("methodcaller", lambda: operator.methodcaller("a")), ("Struct", lambda: struct.Struct("i")), ("Pattern", lambda: re.compile("a")),
    ("Match", lambda: re.match("a", "a")), ("weakref", lambda: weakref.ref(C)), ("lock", lambda: _thread.allocate_lock()),
    ("RLock", lambda: _thread.RLock()), ("SimpleNamespace", lambda: types.SimpleNamespace(a=1)), ("mappingproxy", lambda: types.MappingProxyType({})),
    ("super", lambda: super(C, C())), ("Decimal", lambda: decimal.Decimal(1)), ("Fraction", lambda: fractions.Fraction(1)),
    ("Random", lambda: random.Random(1)), ("md5", lambda: hashlib.md5()), ("cell", lambda: (lambda x: (lambda: x))(1).__closure__[0]),
    ("frame", lambda: sys._getframe()), ("traceback", lambda: sys.exc_info()[2] or ValueError().__traceback__ or None),
    ("getset", lambda: type(f).__dict__["__name__"]), ("wrapper_descriptor", lambda: object.__eq__), ("method_descriptor", lambda: list.append),
    ("method-wrapper", lambda: [].__eq__), ("deque_iterator", lambda: iter(collections.deque([1]))), ("set_iterator", lambda: iter({1})),
    ("range_iterator", lambda: iter(range(2))), ("bytes_iterator", lambda: iter(b"a")), ("callable_iterator", lambda: iter(f, 1)),
    ("zip_longest", lambda: itertools.zip_longest([1])), ("accumulate", lambda: itertools.accumulate([1])), ("tee", lambda: itertools.tee([1])[0]),
    ("permutations", lambda: itertools.permutations([1])), ("combinations", lambda: itertools.combinations([1], 1)),
    ("starmap", lambda: itertools.starmap(f, [])), ("takewhile", lambda: itertools.takewhile(f, [])), ("cycle", lambda: itertools.cycle([1])),
    ("IncrementalNewlineDecoder", lambda: io.IncrementalNewlineDecoder(None, True)), ("BufferedWriter", lambda: open(os.path.join(tmpdir, "w"), "wb")),
    ("struct_time", lambda: __import__("time").localtime(0)), ("stat_result", lambda: os.stat(tmp)), ("sys.flags", lambda: sys.flags),
    ("KeyboardInterrupt", lambda: KeyboardInterrupt()), ("SyntaxError", lambda: SyntaxError("x")), ("UnicodeDecodeError", lambda: UnicodeDecodeError("a", b"", 0, 0, "r")),
    ("BaseExceptionGroup", lambda: BaseExceptionGroup("a", [ValueError()])),
    ("GenericAlias", lambda: list[int]), ("UnionType", lambda: int | str), ("proxy", lambda: weakref.proxy(C)),
    ("Context", lambda: __import__("contextvars").copy_context()), ("ContextVar", lambda: __import__("contextvars").ContextVar("v")),
    ("csv.reader", lambda: __import__("csv").reader([])), ("coroutine", lambda: (lambda: (yield))()),
    ("async_generator", lambda: __import__("types").FunctionType((lambda: None).__code__, {})),
    ("Counter", lambda: collections.Counter("ab")), ("ChainMap", lambda: collections.ChainMap({})),
    ("namedtuple", lambda: collections.namedtuple("P", "x")(1)), ("WeakValueDictionary", lambda: weakref.WeakValueDictionary()),
    ("Event", lambda: __import__("threading").Event()), ("bz2", lambda: __import__("zlib").compressobj()),
    ("Decompress", lambda: __import__("zlib").decompressobj()), ("sha256", lambda: hashlib.sha256()),
    ("date_iso", lambda: datetime.date(2000, 1, 1).isocalendar()), ("tzinfo", lambda: datetime.tzinfo()),
    ("timezone_off", lambda: datetime.timezone(datetime.timedelta(hours=1))), ("Element", lambda: __import__("xml.etree.ElementTree").etree.ElementTree.Element("a")),
    ("select.poll", lambda: __import__("select").poll()), ("socket", lambda: __import__("socket").socket()),
]
SKIP = {"__del__", "__exit__", "__enter__", "__class__", "__init_subclass__", "__subclasshook__", "__new__"}
ARGS = (0, 1, 2)
items = []
BLOCKING = {"socket", "select.poll", "Event", "lock", "RLock"}  # public methods that may wait forever
for name, fac in factories:
    if not ONLY_DUNDER and name in BLOCKING:
        continue
    try:
        o = fac()
    except Exception as e:
        print(name, "FACTORY", type(e).__name__, e); continue
    for attr in sorted(dir(type(o))):
        if attr in SKIP: continue
        if ONLY_DUNDER and not (attr.startswith("__") and attr.endswith("__")): continue
        if not ONLY_DUNDER and (attr.startswith("_") or attr in ("close", "detach", "truncate", "write", "writelines", "release", "acquire", "clear", "pop", "popitem", "popleft", "remove", "discard", "fileno", "readline", "read", "readlines", "wait")): continue
        for n in ARGS:
            items.append((name, fac, attr, n))
for i in range(START, len(items)):
    name, fac, attr, n = items[i]
    print("@", i, "%s.%s/%d" % (name, attr, n), flush=True, file=sys.stderr)
    o = fac()
    try:
        m = getattr(o, attr)
    except Exception as e:
        continue
    if not callable(m): continue
    args = (0, 0, 0)[:n]
    try:
        r = m(*args)
        res = "ok"
    except Exception as e:
        res = "%s: %s" % (type(e).__name__, str(e)[:100])
    print("%s.%s/%d %s" % (name, attr, n, res), flush=True)
import shutil
shutil.rmtree(tmpdir, ignore_errors=True)
