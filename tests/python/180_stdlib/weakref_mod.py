# Only live objects are observed: when a dead object's weak references clear differs
# between refcounting and a tracing collector.
import weakref
class Obj:
    def __init__(self, n): self.n = n
    def method(self): return f'method of {self.n}'
a = Obj(1)
r = weakref.ref(a)
print(r() is a, r().n, weakref.getweakrefcount(a), r == weakref.ref(a), type(r).__name__)
p = weakref.proxy(a)
print(p.n, p.method())
wvd = weakref.WeakValueDictionary()
wvd['a'] = a
print(wvd['a'].n, 'a' in wvd, len(wvd))
wkd = weakref.WeakKeyDictionary()
wkd[a] = 'value'
print(wkd[a], len(wkd))
ws = weakref.WeakSet([a])
print(a in ws, len(ws))
wm = weakref.WeakMethod(a.method)
print(wm()())
calls = []
fin = weakref.finalize(a, calls.append, 'finalized')
print(fin.alive, fin(), calls, fin.alive, fin())
try:
    weakref.ref(5)
except TypeError as e:
    print(e)
try:
    weakref.ref([])
except TypeError as e:
    print(e)
class Slotted:
    __slots__ = ('x',)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)
