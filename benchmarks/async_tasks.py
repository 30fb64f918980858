"""Coroutines and asyncio tasks: chains of coroutines awaiting each other, many tasks created and
gathered, asyncio.Queue producer/consumer hand-offs and task switches through asyncio.sleep(0),
all on one event loop. Prints the computed totals as the checksum."""
import asyncio
import sys


async def leaf(x):
    return x * 2 + 1


async def chain(x, depth):
    if depth == 0:
        return await leaf(x)
    return await chain(x + 1, depth - 1) + 1


async def worker(name, q, results):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        total += await chain(item, 5)
        q.task_done()
    results[name] = total


async def producer(q, n, consumers):
    for i in range(n):
        await q.put(i)
        if i % 64 == 0:
            await asyncio.sleep(0)
    for _ in range(consumers):
        await q.put(None)


async def ping(n, box):
    for i in range(n):
        box.append(i)
        await asyncio.sleep(0)


async def main_async(n):
    # deep await chains
    s = 0
    for i in range(n // 8):
        s += await chain(i, 20)
    # many small tasks, gathered
    results = await asyncio.gather(*(asyncio.create_task(chain(i, 3)) for i in range(n // 4)))
    g = sum(results)
    # queue hand-offs
    q = asyncio.Queue(maxsize=32)
    per = {}
    consumers = 4
    await asyncio.gather(producer(q, n // 2, consumers), *(worker(f"w{k}", q, per) for k in range(consumers)))
    # task switches
    box = []
    await asyncio.gather(*(ping(n // 40, box) for _ in range(8)))
    print("chains:", s, "gathered:", g, len(results))
    print("queue:", sum(per.values()), len(per), "switches:", len(box), sum(box))


def main(n):
    asyncio.run(main_async(n))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300000)
