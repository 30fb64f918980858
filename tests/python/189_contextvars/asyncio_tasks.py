import asyncio, contextvars

request_id = contextvars.ContextVar('request_id', default=None)

async def handler(n):
    request_id.set(n)
    await asyncio.sleep(0)
    return (n, request_id.get())

async def main():
    results = await asyncio.gather(*(handler(i) for i in range(4)))
    print(results, request_id.get())

asyncio.run(main())

