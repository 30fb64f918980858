import weakref, gc, time
class A: pass
done = []
a = A()
wr = weakref.ref(a, lambda _: done.append('a'))
del a
gc.collect()
print(done)
def f(): pass
wr2 = weakref.ref(f, lambda _: done.append('f'))
del f
gc.collect()
print(done)
d = {}
d['g'] = lambda: 1
wr3 = weakref.ref(d['g'], lambda _: done.append('g'))
del d['g']
gc.collect()
print(done)
