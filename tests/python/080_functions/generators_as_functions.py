import inspect
def plain(): return 1
def gen(): yield 1
async def coro(): pass
lam = lambda: 0
print(inspect.isfunction(plain), inspect.isgeneratorfunction(gen), inspect.iscoroutinefunction(coro), inspect.isfunction(lam))
print(plain.__code__.co_flags & 0x20 == 0, gen.__code__.co_flags & 0x20 != 0)
g = gen()
print(type(g).__name__, next(g), list(g))
c = coro()
print(type(c).__name__)
c.close()
