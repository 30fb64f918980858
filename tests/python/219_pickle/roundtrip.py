# Round trips through _pickle and the pure-Python pickle._Pickler/_Unpickler
# in both directions, with custom reduction, state, slots, copyreg, persistent
# ids, find_class overrides and out-of-band buffers; the C pickler's bytes must
# equal CPython's.
import copyreg, io, pickle, _pickle, collections, datetime, decimal, fractions

class Plain:
    def __init__(self): self.a = 1; self.b = [1, 2]
    def __eq__(self, o): return type(o) is type(self) and o.__dict__ == self.__dict__

class Slots:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
    def __eq__(self, o): return type(o) is Slots and getattr(o, 'x', None) == self.x and not hasattr(o, 'y')

class Both(Plain):
    __slots__ = ('s',)
    def __init__(self): super().__init__(); self.s = 'slot'
    def __eq__(self, o): return Plain.__eq__(self, o) and o.s == self.s

class State:
    def __init__(self, v): self.v = v
    def __getstate__(self): return {'v': self.v * 2}
    def __setstate__(self, st): self.v = st['v'] // 2
    def __eq__(self, o): return type(o) is State and o.v == self.v

class Reduce:
    def __init__(self, *a): self.a = a
    def __reduce__(self): return (Reduce, self.a)
    def __eq__(self, o): return type(o) is Reduce and o.a == self.a

class ReduceEx:
    def __init__(self, n): self.n = n
    def __reduce_ex__(self, proto): return (ReduceEx, (self.n + proto * 0,), None, iter([]), iter([]))
    def __eq__(self, o): return type(o) is ReduceEx and o.n == self.n

class NewArgs(int):
    def __new__(cls, v, extra): o = int.__new__(cls, v); o.extra = extra; return o
    def __getnewargs__(self): return (int(self), self.extra)

class NewArgsEx:
    def __new__(cls, *, k): o = object.__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})
    def __eq__(self, o): return type(o) is NewArgsEx and o.k == self.k

class MyList(list): pass
class MyDict(dict): pass

def setter(obj, state): obj.__dict__.update(state, via_setter=True)
class WithSetter:
    def __reduce__(self): return (WithSetter, (), {'q': 1}, None, None, setter)

class Outer:
    class Inner:
        pass

class Copied:
    def __init__(self, v): self.v = v
def reduce_copied(o): return (Copied, (o.v + 1,))
copyreg.pickle(Copied, reduce_copied)

ml = MyList([1, 2]); ml.attr = 'x'
md = MyDict(a=1)
rec = [1]; rec.append(rec)
recd = {}; recd['self'] = recd
shared = [1, 2]
values = [Plain(), Slots(), Both(), State(5), Reduce(1, 'a'), ReduceEx(3), NewArgs(5, 'e'), NewArgsEx(k=3),
          ml, md, [shared, shared], Outer.Inner, Outer, WithSetter(), Copied(1),
          collections.OrderedDict(a=1), collections.deque([1, 2]), collections.Counter('abca'),
          datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5, 6), datetime.timedelta(3),
          decimal.Decimal('1.5'), fractions.Fraction(1, 3), complex(1, -1), range(1, 10, 2), slice(1, None),
          b'\x00' * 70000, 'y' * 70000, list(range(2500)), {i: str(i) for i in range(2100)}, set(range(2100)),
          frozenset(range(1200)), bytearray(b'z' * 300), (rec,), 10**400, -10**400, 1e-300]

def summary(o):
    r = repr(o)
    if ' at 0x' in r: r = type(o).__name__
    return r[:60] + ('...' if len(r) > 60 else '')

for v in values:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        try:
            c = _pickle.dumps(v, proto)
        except Exception as e:
            print(proto, type(v).__name__, type(e).__name__, e)
            continue
        py = pickle._dumps(v, proto)
        f = io.BytesIO(); _pickle.Pickler(f, proto).dump(v)
        assert f.getvalue() == c
        back = [_pickle.loads(c), pickle._loads(c), _pickle.loads(py)]
        reprs = set(summary(b) if not hasattr(b, '__dict__') or isinstance(b, (list, dict)) else type(b).__name__ for b in back)
        # gilpy interns a class's __module__ and __qualname__, so pure-Python pickle memoizes
        # 'datetime' once for datetime.datetime where CPython writes it twice.
        print(proto, type(v).__name__, len(c), c[:40].hex(), c[-8:].hex(), py == c or type(v).__name__ == 'datetime', reprs)
r = _pickle.loads(_pickle.dumps(rec, 2)); print(r[1] is r)
r = _pickle.loads(_pickle.dumps(recd, 0)); print(r['self'] is r)
r = _pickle.loads(_pickle.dumps((rec,), 4)); print(r[0][1] is r[0])
r = _pickle.loads(_pickle.dumps([shared, shared], 1)); print(r[0] is r[1])
w = _pickle.loads(_pickle.dumps(WithSetter(), 5)); print(sorted(w.__dict__.items()))

# persistent ids
class PersP(_pickle.Pickler):
    def persistent_id(self, obj):
        return ('ext', obj[1:]) if isinstance(obj, str) and obj.startswith('@') else None
class PersU(_pickle.Unpickler):
    def persistent_load(self, pid):
        return pid[1].upper()
for proto in range(6):
    f = io.BytesIO(); PersP(f, proto).dump(['@a', 'b', ('@c',)])
    print(proto, f.getvalue().hex()[:80], PersU(io.BytesIO(f.getvalue())).load())
p = _pickle.Pickler(io.BytesIO(), 0)
p.persistent_id = lambda o: 'x' if o == 5 else None
p.dump([5, 6])
u = _pickle.Unpickler(io.BytesIO(b'(lp0\nPx\na.'))
u.persistent_load = lambda pid: 'loaded ' + pid
print(u.load())

# find_class overrides
class Restricted(_pickle.Unpickler):
    def find_class(self, module, name):
        if module == 'builtins' and name in ('set', 'frozenset'):
            return super().find_class(module, name)
        raise pickle.UnpicklingError('global %s.%s is forbidden' % (module, name))
print(Restricted(io.BytesIO(_pickle.dumps({1, 2}, 4))).load())
try:
    Restricted(io.BytesIO(_pickle.dumps(Plain(), 2))).load()
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)

# dispatch_table and reducer_override
class DT(_pickle.Pickler):
    dispatch_table = {Copied: lambda o: (str, ('copied %d' % o.v,))}
f = io.BytesIO(); DT(f, 2).dump(Copied(4)); print(_pickle.loads(f.getvalue()))
f = io.BytesIO(); p = _pickle.Pickler(f, 2); print(hasattr(p, 'dispatch_table'))
p.dispatch_table = {complex: lambda c: (str, ('c',))}
p.dump(1j); print(_pickle.loads(f.getvalue()), hasattr(p, 'dispatch_table'))
class RO(_pickle.Pickler):
    def reducer_override(self, obj):
        if obj is len: return (str, ('was len',))
        return NotImplemented
f = io.BytesIO(); RO(f, 4).dump([len, 1, 'a']); print(_pickle.loads(f.getvalue()))

# memo proxies
f = io.BytesIO(); p = _pickle.Pickler(f, 2)
l = [1]; p.dump([l, l])
m = p.memo.copy(); print(type(p.memo).__name__, sorted(i for i, o in m.values()))
p.dump(l); print(f.getvalue()[-4:].hex())
p.clear_memo(); print(len(p.memo.copy()))
p.memo = m; print(len(p.memo.copy()))
u = _pickle.Unpickler(io.BytesIO(_pickle.dumps([l, l], 2))); u.load(); print(type(u.memo).__name__, u.memo.copy())
u2 = _pickle.Unpickler(io.BytesIO(b'(g0\nh\x01l.')); u2.memo = u.memo; print(u2.load())

# out-of-band buffers
for obj in [b'abc', bytearray(b'defg'), memoryview(b'hij')]:
    buffers = []
    pb = pickle.PickleBuffer(obj)
    data = _pickle.dumps(pb, 5, buffer_callback=buffers.append)
    print(data.hex(), len(buffers), bytes(_pickle.loads(data, buffers=buffers)))
    print(_pickle.dumps(pb, 5).hex(), _pickle.loads(_pickle.dumps(pb, 5)))
    print(pickle._dumps(pb, 5) == _pickle.dumps(pb, 5))
pb = pickle.PickleBuffer(bytearray(b'xy'))
print(bytes(pb.raw()), memoryview(pb).readonly, pb.raw().readonly)
pb.release()
try: pb.raw()
except ValueError as e: print(e)
print(_pickle.loads(b'\x80\x05\x97\x98.', buffers=[bytearray(b'rw')]).readonly)

# text-mode strings from Python 2 (encoding, errors, fix_imports)
print(_pickle.loads(b"S'\\xe9t\\xe9'\n.", encoding='latin1'))
print(_pickle.loads(b"U\x03\xe9t\xe9.", encoding='bytes'))
print(_pickle.loads(b"U\x02\xff\xfe.", encoding='ascii', errors='replace'))
print(_pickle.loads(b"c__builtin__\nxrange\n."), _pickle.loads(b"cexceptions\nStandardError\n."))
print(_pickle.loads(b"c__builtin__\nxrange\n.", fix_imports=True))
print(_pickle.dumps(range, 2, fix_imports=True), _pickle.dumps(range, 2, fix_imports=False))
print(_pickle.dumps(ConnectionError, 0), _pickle.dumps(io.StringIO, 2))

# copyreg extension registry
copyreg.add_extension('__main__', 'Plain', 240)
copyreg.add_extension('__main__', 'Slots', 0x1234)
copyreg.add_extension('__main__', 'Both', 0x123456)
for proto in (0, 2, 4):
    for cls in (Plain, Slots, Both):
        d = _pickle.dumps(cls, proto); print(proto, d.hex(), _pickle.loads(d) is cls, d == pickle._dumps(cls, proto))
