"""A threaded pipeline on queue.Queue, as producer/consumer programs build one: a producer
thread feeds work items through two worker stages (each two threads) to a collector, with
bounded queues (so puts block), task_done/join, a SimpleQueue for results, and sentinels to shut
down. Work per item is small, so the run measures the hand-offs: queue operations, Condition
waits and wake-ups, GIL switches. Results are sorted, so the checksum does not depend on
scheduling."""
import queue
import sys
import threading


def stage(inq, outq, fn):
    while True:
        item = inq.get()
        if item is None:
            inq.task_done()
            outq.put(None)
            return
        outq.put(fn(item))
        inq.task_done()


def run(n, width):
    q1 = queue.Queue(maxsize=64)
    q2 = queue.Queue(maxsize=64)
    results = queue.SimpleQueue()

    def parse(i):
        return (i, (i * 2654435761) % 1000)

    def score(pair):
        i, v = pair
        return i, v * v % 97

    workers = [threading.Thread(target=stage, args=(q1, q2, parse)) for _ in range(width)]
    workers += [threading.Thread(target=stage, args=(q2, results, score)) for _ in range(width)]
    for w in workers:
        w.start()
    for i in range(n):
        q1.put(i)
    for _ in range(width):
        q1.put(None)
    q1.join()
    got = []
    done = 0
    while done < width:
        item = results.get()
        if item is None:
            done += 1
        else:
            got.append(item)
    # The second stage's sentinels: each first-stage worker forwarded one.
    for w in workers:
        w.join()
    got.sort()
    return len(got), sum(v for _, v in got), got[:3]


def main(rounds):
    out = [run(20000, 2) for _ in range(rounds)]
    print(out[0])
    print(sum(r[1] for r in out))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
