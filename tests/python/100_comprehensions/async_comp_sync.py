async def agen():
    for i in range(3):
        yield i
async def main():
    a = [x async for x in agen()]
    b = {x: x * 2 async for x in agen() if x}
    c = [await w for w in [awaitable(5), awaitable(6)]]
    return a, b, c
async def awaitable(v):
    return v
coro = main()
try:
    coro.send(None)
except StopIteration as e:
    print(e.value)
