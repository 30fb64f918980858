import inspect, types
async def coro_fn(): pass
async def agen_fn(): yield
def gen_fn(): yield
print(inspect.iscoroutinefunction(coro_fn), inspect.isasyncgenfunction(agen_fn), inspect.isgeneratorfunction(gen_fn))
c = coro_fn()
print(inspect.iscoroutine(c), inspect.isawaitable(c), isinstance(c, types.CoroutineType))
c.close()
a = agen_fn()
print(inspect.isasyncgen(a), isinstance(a, types.AsyncGeneratorType))
import collections.abc as cabc
c2 = coro_fn()
print(isinstance(c2, cabc.Coroutine), isinstance(c2, cabc.Awaitable), isinstance(a, cabc.AsyncGenerator), isinstance(a, cabc.AsyncIterator))
c2.close()
print(coro_fn.__code__.co_flags & inspect.CO_COROUTINE != 0, agen_fn.__code__.co_flags & inspect.CO_ASYNC_GENERATOR != 0)
