"""Exceptions as control flow: dictionary misses via KeyError, parsing with ValueError, custom
exception hierarchies raised and caught at several depths, try/finally bookkeeping, exception
chaining (raise ... from) and StopIteration from hand-driven iterators. Prints the tallies."""
import sys


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key


class Invalid(AppError):
    pass


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise NotFound(key) from None


def parse(token):
    try:
        return int(token)
    except ValueError:
        try:
            return float(token)
        except ValueError:
            raise Invalid(token)


def validate(depth, x):
    if depth == 0:
        if x % 7 == 0:
            raise Invalid(x)
        return x
    return validate(depth - 1, x)


def main(n):
    table = {i: i * i for i in range(0, 1000, 3)}
    found = missing = 0
    for i in range(n):
        try:
            found += lookup(table, i % 1000)
        except NotFound as e:
            missing += e.key & 1
    tokens = ["12", "3.5", "x", "-7", "1e3", "nan?", "42", "0x1f"]
    total = 0.0
    bad = 0
    for i in range(n // 2):
        try:
            total += parse(tokens[i % len(tokens)])
        except Invalid:
            bad += 1
    ok = rejected = cleanups = 0
    for i in range(n // 2):
        try:
            try:
                ok += validate(4, i)
            finally:
                cleanups += 1
        except AppError as e:
            rejected += 1
    chained = 0
    for i in range(n // 10):
        try:
            try:
                1 // (i % 5)
            except ZeroDivisionError as e:
                raise AppError("wrapped") from e
        except AppError as e:
            if isinstance(e.__cause__, ZeroDivisionError):
                chained += 1
    it_total = 0
    for i in range(n // 20):
        it = iter(range(i % 9))
        while True:
            try:
                it_total += next(it)
            except StopIteration:
                break
    print("lookup:", found, missing, "parse: %.1f" % total, bad)
    print("validate:", ok, rejected, cleanups, "chained:", chained, "iter:", it_total)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000)
