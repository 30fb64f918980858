# __text_signature__ and inspect.signature() of native callables, as CPython 3.11.
import inspect, math, operator, itertools, functools, io, _io, _pickle, dataclasses


def show(x):
    try:
        s = str(inspect.signature(x))
    except Exception as e:
        s = "!" + type(e).__name__
    print(getattr(x, "__qualname__", x), repr(getattr(x, "__text_signature__", "-")), s)


for x in [len, print, iter, next, getattr, sorted, min, max, divmod, pow, round, isinstance, repr, hash,
          object, object.__init__, object.__new__, object.__eq__, object.__reduce_ex__, object.__init_subclass__,
          object.__subclasshook__, object.__format__, object.__dir__, object.__sizeof__,
          str.join, str.split, str.replace, str.encode, str.maketrans, bytes.decode, bytes.fromhex,
          list.append, list.insert, list.sort, list.pop, list.index, dict.get, dict.fromkeys, dict.pop,
          dict.setdefault, set.add, set.discard, tuple.index, tuple.count, int.to_bytes, int.from_bytes,
          int.bit_length, float.hex, float.fromhex, float.is_integer,
          int.__add__, int.__new__, list.__init__, list.__getitem__, list.__len__, dict.__contains__,
          (1).__add__, [].append, "".join, {}.get, dict.fromkeys,
          math.sqrt, math.gcd, math.isclose, math.log, math.hypot, operator.add, operator.itemgetter,
          operator.attrgetter, operator.length_hint, itertools.count, itertools.chain.from_iterable,
          itertools.accumulate, functools.reduce, functools.cmp_to_key,
          _io.BufferedReader, _io.FileIO, _io.TextIOWrapper, _io.open, _io.StringIO, _io.BytesIO,
          io.BytesIO.getvalue, _pickle.Pickler, _pickle.Unpickler, _pickle.dumps, _pickle.loads]:
    show(x)

print(type.__text_signature__, int.__text_signature__, object.__text_signature__)
print(object.__init__.__doc__)
print(list.append.__doc__ is None or isinstance(list.append.__doc__, str))


class Plain:
    pass


class WithNew:
    def __new__(cls, a, b=2):
        return super().__new__(cls)


class Sub(dict):
    pass


for c in [Plain, WithNew, Sub]:
    show(c)
show(Sub.fromkeys)
show(Sub().get)


@dataclasses.dataclass(init=False)
class D:
    x: int = 1

    def __init__(self, y):
        self.x = y


print(D(5).x, inspect.signature(D))
print(inspect.getfullargspec(list.append))
print(inspect.getfullargspec(dict.get))
