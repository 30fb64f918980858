class C:
    count = 0
    def __init__(self): C.count += 1
    @classmethod
    def make(cls): return cls()
    @classmethod
    def how_many(cls): return cls.count
    @staticmethod
    def util(a, b): return a + b
class D(C): pass
C(); D.make()
print(C.how_many(), D.how_many(), type(D.make()).__name__, C.util(1, 2), C().util(3, 4))
print(type(C.__dict__['make']).__name__, type(C.__dict__['util']).__name__, C.make.__self__ is C)
sm = staticmethod(len)
print(sm.__func__ is len, callable(sm))
cm = C.__dict__['make']
print(cm.__func__.__name__, cm.__get__(None, D)().__class__.__name__)
