# A base does not keep its subclasses alive: once a class is unreachable,
# gc.collect() removes it from __subclasses__() (bpo-46417).
import gc
def make(parent, n):
    for i in range(n):
        type('Child%d' % i, (parent,), {})
class Parent:
    pass
print(Parent.__subclasses__())
class Child(Parent):
    pass
print(Parent.__subclasses__())
gc.collect()
kept = [type('Kept%d' % i, (Parent,), {}) for i in range(3)]
make(Parent, 5)
for i in range(3):
    gc.collect()
print([c.__name__ for c in Parent.__subclasses__()])
del Child
for i in range(3):
    gc.collect()
print([c.__name__ for c in Parent.__subclasses__()])
del kept[1]
gc.collect()
print([c.__name__ for c in Parent.__subclasses__()])
# Subclass links still drive attribute cache invalidation.
class Base:
    x = 1
class Sub(Base):
    pass
s = Sub()
print(s.x, Sub.x)
Base.x = 2
print(s.x, Sub.x)
class Other:
    pass
Sub.__bases__ = (Other,)
print(hasattr(s, 'x'), Base.__subclasses__(), Other.__subclasses__())
Other.x = 3
print(s.x)
