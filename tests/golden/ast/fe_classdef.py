class A: pass
class B(A, metaclass=M, **kw): x = 1
class C(*bases): pass
class D():
    """doc"""
    def m(self): return self
