import os, sys as system
from . import sibling
from ..pkg.mod import a as b, c
def f(a, /, b=2, *args, c, d=4, **kw) -> int:
    """doc"""
    global g
    return a
async def g():
    async with x as y:
        await z
    async for i in aiter():
        pass
class C(Base, metaclass=Meta):
    attr: int = 0
    @decorator
    def m(self): ...
for i in range(3):
    continue
else:
    pass
while True:
    break
try:
    pass
except (E1, E2) as e:
    raise E3 from e
else:
    pass
finally:
    del x, y[0]
with a as b, c:
    assert x, 'msg'
x += 1
a, *b = c
