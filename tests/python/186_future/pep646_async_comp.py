# 3.11 grammar: starred annotations (PEP 646) and async comprehensions nested
# in comprehensions of an async function.
import asyncio
import typing

Ts = [1]


def f(*args: *Ts): pass


print(f.__annotations__)
try:
    Ts2 = [1, 2]

    def g(*args: *Ts2): pass
except ValueError as e:
    print("ValueError", e)

V = typing.TypeVarTuple("V")


class G(typing.Generic[*V]): pass


print(G[int, str], G.__parameters__)


async def ag():
    for i in range(3):
        yield i


async def main():
    a = [[x async for x in ag()] for y in range(2)]
    b = {y: [x async for x in ag()] for y in range(2)}
    c = [[[x async for x in ag()] for z in "a"] for y in range(2)]
    d = [x for x in [await asyncio.sleep(0, i) for i in range(3)]]
    return a, b, c, d


print(asyncio.run(main()))
try:
    compile("def main():\n    return [[x async for x in ag()] for y in range(2)]", "s", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno)
