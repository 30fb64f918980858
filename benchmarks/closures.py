"""Closures and decorators: counters, accumulators and memoisers made from nested functions,
decorators with and without arguments (functools.wraps), functools.partial and lambdas passed
around as callbacks. Prints the accumulated results as the checksum."""
import functools
import sys


def counted(fn):
    calls = 0

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return fn(*args, **kwargs)

    wrapper.calls = lambda: calls
    return wrapper


def clamp(lo, hi):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(x):
            r = fn(x)
            return lo if r < lo else hi if r > hi else r
        return wrapper
    return deco


def memo(fn):
    cache = {}

    def wrapper(n):
        try:
            return cache[n]
        except KeyError:
            r = cache[n] = fn(n)
            return r
    wrapper.cache = cache
    return wrapper


def make_accumulator(start):
    total = start

    def add(x):
        nonlocal total
        total += x
        return total
    return add


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


def make_adders(n):
    return [lambda x, k=k: x + k for k in range(n)]


@counted
@clamp(-1000, 1000)
def wobble(x):
    return (x * 37) % 2011 - 1005


@memo
def collatz_len(n):
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


def scale(k, x, offset=0):
    return k * x + offset


def main(n):
    acc = make_accumulator(0)
    adders = make_adders(16)
    pipeline = compose(functools.partial(scale, 3, offset=1), lambda v: v % 10007, adders[5])
    total = 0
    for i in range(n):
        total += wobble(i)
        acc(pipeline(i) & 255)
        total += adders[i & 15](i) & 7
    longest = 0
    arg = 0
    for i in range(1, n // 4):
        c = collatz_len(i)
        if c > longest:
            longest, arg = c, i
    handlers = {}

    def on(event):
        def register(fn):
            handlers.setdefault(event, []).append(fn)
            return fn
        return register

    log = []
    for k in range(8):
        @on("tick" if k % 2 else "tock")
        def handler(v, k=k):
            log.append(v * k)
    for v in range(n // 50):
        for fn in handlers["tick"]:
            fn(v)
        for fn in handlers["tock"]:
            fn(-v)
    print("total:", total, "acc:", acc(0), "calls:", wobble.calls(), wobble.__name__)
    print("collatz:", arg, longest, len(collatz_len.cache), "log:", len(log), sum(log))


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1200000)
