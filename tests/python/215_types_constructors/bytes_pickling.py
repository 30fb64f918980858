# bytes/bytearray: iterator and bytearray pickling (__reduce__/__setstate__), hex() separators, __bytes__ on a str subclass, docs
import pickle, copy
class BA(bytearray): pass
b = BA(b'abcd'); b.x = 1
print(b.__reduce_ex__(2)[0].__name__, b.__reduce_ex__(2)[1:], b.__reduce_ex__(3)[1:], bytearray(b'ab').__reduce__())
print(copy.copy(b), copy.copy(b).x, pickle.loads(pickle.dumps(b, 2)), pickle.loads(pickle.dumps(b, 0)))
for data in (b'abc', bytearray(b'abc')):
    it = iter(data)
    print(it.__reduce__())
    next(it)
    print(it.__reduce__())
    it2 = pickle.loads(pickle.dumps(it))
    print(list(it2))
    it.__setstate__(0); print(list(it))
    list(it); print(it.__reduce__())
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: b'abc'.hex(''))
t(lambda: b'abc'.hex('xx'))
t(lambda: b'abc'.hex('\xe9'))
t(lambda: b'abc'.hex(b'\xe9'))
t(lambda: b'abc'.hex(1))
t(lambda: b'abcdef'.hex(':', 2))
t(lambda: b'abcdef'.hex(b':', -4))
t(lambda: b'abcdef'.hex(':', 0))
print(bytes.__doc__[:40], bytearray.__doc__[:40])
class S(str):
    def __bytes__(self): return b'custom'
t(lambda: bytes(S('x')))
class X:
    def __bytes__(self): return 'no'
t(lambda: bytes(X()))
