"""Thread pools and queues: ThreadPoolExecutor map and submit of many tiny tasks over four workers,
futures collected with as_completed, and a three-stage queue.Queue pipeline (producer, two
transformers, collector) handing items across threads. Prints order-independent totals."""
import queue
import sys
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed


def tiny(x):
    return (x * x + 7) % 1009


def pipeline(n):
    q1 = queue.Queue(maxsize=64)
    q2 = queue.Queue(maxsize=64)
    out = []

    def produce():
        for i in range(n):
            q1.put(i)
        q1.put(None)
        q1.put(None)

    def transform():
        while True:
            item = q1.get()
            if item is None:
                q2.put(None)
                return
            q2.put(item * 3 + 1)

    def collect():
        done = 0
        total = 0
        count = 0
        while done < 2:
            item = q2.get()
            if item is None:
                done += 1
            else:
                total += item
                count += 1
        out.append((count, total))

    ts = [threading.Thread(target=f) for f in (produce, transform, transform, collect)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return out[0]


def main(n):
    with ThreadPoolExecutor(max_workers=4) as pool:
        mapped = sum(pool.map(tiny, range(n)))
        futures = [pool.submit(tiny, i) for i in range(n)]
        submitted = sum(f.result() for f in as_completed(futures))
        chunked = sum(pool.map(tiny, range(n), chunksize=64))
    count, total = pipeline(n)
    print("map:", mapped, "submit:", submitted, "chunked:", chunked, "pipeline:", count, total)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
