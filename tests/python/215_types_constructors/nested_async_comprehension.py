# An asynchronous comprehension nested in another comprehension makes the outer one
# asynchronous (CPython 3.11 accepts it inside async functions; test_coroutines needs it).
import asyncio
async def asynciter(it):
    for i in it:
        yield i
async def f():
    return [[i + j async for i in asynciter([1, 2])] for j in [10, 20]]
async def g():
    return {j: [i async for i in asynciter(range(j))] for j in range(3)}
print(asyncio.run(f()), asyncio.run(g()))
for src in ["def h():\n    return [[i async for i in x] for x in y]\n",
            "async def h():\n    return [[i async for i in x] async for x in y]\n",
            "async def h():\n    return ((i async for i in x) for x in y)\n"]:
    try:
        compile(src, "s", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e)
