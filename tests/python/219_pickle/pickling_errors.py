# Objects that cannot be pickled, bad __reduce__ results, protocol and
# argument errors: the exception type and message of the C pickler.
import pickle, _pickle, io, copyreg

def show(f):
    try:
        r = f()
        print('OK', r)
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])

def outer():
    def inner(): pass
    return inner

class A: pass
class R:
    def __init__(self, rv): self.rv = rv
    def __reduce__(self): return self.rv

show(lambda: _pickle.dumps(outer(), 2))
show(lambda: _pickle.dumps(outer(), 4))
for rv in [5, (), (len,), (1, ()), (len, 1), (len, (), None, 5), (len, (), None, None, 5),
           (len, (), None, None, None, 5), (len, (), 1, 2, 3, 4, 5), "nope", "A"]:
    show(lambda: _pickle.dumps(R(rv), 2))
show(lambda: _pickle.dumps(R((copyreg.__newobj__, ())), 2))
show(lambda: _pickle.dumps(R((copyreg.__newobj__, (1,))), 2))
show(lambda: _pickle.dumps(R((copyreg.__newobj__, (A,))), 2))
show(lambda: _pickle.dumps(R((copyreg.__newobj_ex__, (A,))), 4))
show(lambda: _pickle.dumps(R((copyreg.__newobj_ex__, (1, (), {}))), 4))
show(lambda: _pickle.dumps(R((copyreg.__newobj_ex__, (A, 1, {}))), 4))
show(lambda: _pickle.dumps(R((copyreg.__newobj_ex__, (A, (), 1))), 4))
show(lambda: _pickle.dumps(1, 6))
show(lambda: _pickle.dumps(1, 4, buffer_callback=list))
show(lambda: _pickle.Pickler(1))
show(lambda: _pickle.Unpickler(1))
show(lambda: _pickle.loads('abc'))
show(lambda: _pickle.dumps(pickle.PickleBuffer(b'x'), 4))
import threading
show(lambda: _pickle.dumps(threading.Lock()))
A.__qualname__ = 'Nope'
show(lambda: _pickle.dumps(A, 2))
A.__qualname__ = 'A'
A.__module__ = 'no_such_module_x'
show(lambda: _pickle.dumps(A, 2))
A.__module__ = '__main__'
B = A
class A: pass
show(lambda: _pickle.dumps(B, 2))
l = []
for i in range(100000):
    l = [l]
show(lambda: _pickle.dumps(l))
p = _pickle.Pickler(io.BytesIO()); p.fast = 1
l = []; l.append(l)
show(lambda: p.dump(l))
show(lambda: _pickle.Pickler(io.BytesIO()).__reduce_ex__(2))
show(lambda: _pickle.Unpickler(io.BytesIO()).__reduce_ex__(2))
show(lambda: _pickle.dumps('\udcff', 0))
show(lambda: _pickle.dumps('\udcff', 2).hex())
print(issubclass(_pickle.PicklingError, _pickle.PickleError), issubclass(_pickle.UnpicklingError, _pickle.PickleError),
      _pickle.PickleError.__mro__, pickle.PickleError is _pickle.PickleError, pickle.Pickler is _pickle.Pickler)
# Arguments, PickleBuffer views and fast mode.
class P(_pickle.Pickler):
    def __init__(self): pass
class U(_pickle.Unpickler):
    def __init__(self): pass
for f in (lambda: P().dump(1), lambda: U().load(), lambda: _pickle.Pickler(io.BytesIO()).memo.__reduce__(),
          lambda: _pickle.loads(b'N.', buffers=None), lambda: _pickle.loads(b'\x97.', buffers=None),
          lambda: _pickle.loads(b'\x97.', buffers=[]), lambda: _pickle.loads(b'\x97.', buffers=5),
          lambda: _pickle.dumps(pickle.PickleBuffer(memoryview(b'abcdef')[1:4]), 5),
          lambda: _pickle.dumps(pickle.PickleBuffer(memoryview(b'abcdef')[::2]), 5),
          lambda: _pickle.dumps([1.0, -0.0, 1e100, float('nan')], 0),
          lambda: _pickle.dumps(pickle.PickleBuffer(b'abc'), 5, buffer_callback=lambda b: False),
          lambda: _pickle.Unpickler(io.BytesIO(b''), encoding=1),
          lambda: _pickle.dumps(1, protocol='x'),
          lambda: _pickle.dumps(1, 2, True, None),
          lambda: _pickle.loads(b'N.', 1),
          lambda: _pickle.Pickler.dump(),
          lambda: _pickle.Pickler(io.BytesIO()).dump(),
          ):
    try: print(repr(f())[:100])
    except Exception as e: print(type(e).__name__, e)
p = _pickle.Pickler(io.BytesIO(), 2); p.fast = True; print(p.fast, p.bin)
f = io.BytesIO(); p = _pickle.Pickler(f, 2); p.fast = 1; p.dump([(1,2), [3]]); print(f.getvalue())
