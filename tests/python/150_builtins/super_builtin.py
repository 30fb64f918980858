class A:
    def f(self): return 'A'
class B(A):
    def f(self): return 'B' + super().f()
class C(B):
    def f(self): return 'C' + super(B, self).f()
print(C().f(), B().f(), super(C, C()).f())
s = super(B, B())
print(s.f(), type(s).__name__)
class D(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
d = D(); d['x'] = 5
print(d)
