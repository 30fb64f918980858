import types
class Yield:
    """An awaitable that suspends once, handing a value to the driver."""
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield self.v
        return got
async def add(a, b):
    x = await Yield(('need', a))
    y = await Yield(('need', b))
    return x + y
async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return r1 * r2
def run(coro):
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value
        print('driver got', req)
        value = req[1] * 100
print(run(main()))
c = add(1, 1)
print(type(c).__name__, c.cr_running, c.__name__, c.__qualname__)
print(c.send(None))
c.close()
print(c.cr_frame)
@types.coroutine
def legacy():
    v = yield 'legacy-yield'
    return v
async def uses_legacy():
    return await legacy()
u = uses_legacy()
print(u.send(None))
try:
    u.send('sent back')
except StopIteration as e:
    print('result', e.value)
