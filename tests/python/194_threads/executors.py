# concurrent.futures thread pools, asyncio.to_thread / run_in_executor and logging from a thread.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import time, threading
def sq(x):
    time.sleep(0.01)
    return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(sq, i) for i in range(20)]
    print(sorted(f.result() for f in as_completed(futs)))
    print(list(ex.map(sq, range(5))))
def boom(): raise ValueError("x")
with ThreadPoolExecutor() as ex:
    f = ex.submit(boom)
    try: f.result(timeout=5)
    except ValueError as e: print("ValueError", e)
import asyncio
async def main():
    r = await asyncio.to_thread(sq, 7)
    print("to_thread", r)
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sq, 3))
asyncio.run(main())
import logging
logging.basicConfig(format="%(threadName)s %(message)s")
t = threading.Thread(target=lambda: logging.warning("from thread"), name="LogT"); t.start(); t.join()
