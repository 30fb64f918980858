class C: pass
print(repr(C), str(C), C.__name__, int, str, type, object)
class Nested:
    class Inner: pass
print(Nested.Inner, Nested.Inner.__qualname__)
r = repr(C())
print(r.startswith('<__main__.C object at 0x'), r.endswith('>'))
def f(): pass
print(repr(f).startswith('<function f at 0x'), repr(len), repr(print), repr(C.__init__))
print(repr(str.upper), repr([].append).startswith('<built-in method append of list object'))
class WithMethod:
    def m(self): pass
print(repr(WithMethod.m).startswith('<function WithMethod.m at'), repr(WithMethod().m).startswith('<bound method WithMethod.m of <__main__.WithMethod object'))
