async def f():
    x = await y
    return await z.w()
def g():
    yield
    yield a, b
    x = yield
    y = yield from z
    await_ = 1
