class C:
    shared = []
    def add(self, v): self.shared.append(v)
a, b = C(), C()
a.add(1); b.add(2)
print(C.shared, a.shared is b.shared)
a.shared = ['own']
print(a.shared, b.shared, C.shared)
class Counter:
    n = 0
    def inc(self):
        self.n += 1
c = Counter(); c.inc(); c.inc()
print(c.n, Counter.n, vars(c))
print(getattr(C, 'shared'), hasattr(C, 'nope'), getattr(C, 'nope', 'dflt'))
setattr(C, 'new', 42); print(C.new, a.new)
delattr(C, 'new'); print(hasattr(a, 'new'))
class WithClassVar:
    x = 1
    y = x + 1
    z = [x * i for i in range(3)] if False else None
    def f(self): return self.x
print(WithClassVar.y, WithClassVar().f())
