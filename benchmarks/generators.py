"""A generator pipeline: numbers -> filters -> windows -> aggregates, with yield from and send().
Prints the aggregates as the checksum."""
import sys


def numbers(n):
    x = 1
    for _ in range(n):
        x = (x * 48271) % 2147483647
        yield x


def only(pred, it):
    for v in it:
        if pred(v):
            yield v


def scaled(it):
    for v in it:
        yield v % 1000


def windows(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            buf.clear()


def flatten(groups):
    for g in groups:
        yield from g


def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count


def main(n):
    pipeline = scaled(only(lambda v: v & 1, numbers(n)))
    avg = averager()
    next(avg)
    largest = 0
    window_sums = 0
    result = None
    for w in windows(flatten(windows(pipeline, 7)), 5):
        s = sum(w)
        window_sums += s
        if s > largest:
            largest = s
        result = avg.send(s)
    squares = sum(x * x for x in range(n // 10) if x % 3 == 0)
    print("window sums:", window_sums, "largest:", largest, "average: %.6f" % result)
    print("squares:", squares)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1500000)
