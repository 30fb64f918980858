# weakref.py on _weakref: WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize, proxy.
import weakref
class C:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"C({self.n})"
a, b = C(1), C(2)
wvd = weakref.WeakValueDictionary(); wvd["a"] = a; wvd["b"] = b
print(sorted(wvd.keys()), wvd["a"], len(wvd), "a" in wvd, wvd.get("zz"))
wkd = weakref.WeakKeyDictionary(); wkd[a] = 1; wkd[b] = 2
print(wkd[a], len(wkd), a in wkd, sorted(wkd.values()))
ws = weakref.WeakSet([a, b]); print(len(ws), a in ws, C(3) in ws)
fin = weakref.finalize(a, print, "finalized"); print(fin.alive)
fin(); print(fin.alive)
p = weakref.proxy(a); print(p.n, repr(weakref.ref(a))[:12])
print(weakref.getweakrefcount(a) >= 1, weakref.ref(a) in weakref.getweakrefs(a))
def churn():
    d = weakref.WeakValueDictionary()
    for i in range(3000):
        d[i] = C(i)
    for i in range(80):
        junk = [[j] * 30 for j in range(2000)]
    weakref.getweakrefcount(a)
    return len(d)
print(churn() < 3000)
