# anext(aiterator, default) (3.10+): an awaitable that gives the default at the end.
import asyncio


class A:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


async def ag():
    yield 1


async def main():
    aw = anext(A(), 42)
    print(type(aw).__name__, await aw)
    g = ag()
    print(await anext(g, 'x'), await anext(g, 'x'))
    try:
        anext(1)
    except TypeError as e:
        print(e)
    a2 = ag().__aiter__()
    an = a2.__anext__()
    try:
        while True:
            an.__next__()
    except StopIteration as e:
        print("StopIteration", e.args)
    an = a2.__anext__()
    try:
        an.__next__()
    except StopAsyncIteration as e:
        print("StopAsyncIteration", e.args)


asyncio.run(main())
