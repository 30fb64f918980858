class Base:
    def m(self): return 'Base.m'
    @classmethod
    def cm(cls): return f'Base.cm({cls.__name__})'
    @staticmethod
    def sm(): return 'Base.sm'
class Child(Base):
    def m(self): return 'Child>' + super().m()
    @classmethod
    def cm(cls): return 'Child>' + super().cm()
    def explicit(self): return super(Child, self).m()
    def sm_via_super(self): return super().sm()
    def lam(self):
        return (lambda: super(Child, self).m())()
c = Child()
print(c.m(), Child.cm(), c.explicit(), c.sm_via_super(), c.lam())
print(super(Child, c).m(), super(Child, Child).cm())
class GrandChild(Child):
    def m(self): return 'GC>' + super(Child, self).m()
print(GrandChild().m())
def outside(self):
    return super().m()
class NoCell(Base):
    pass
try:
    outside(NoCell())
except RuntimeError as e:
    print('RuntimeError', e)
print(repr(super(Child, c))[:20] if False else type(super(Child, c)).__name__)
