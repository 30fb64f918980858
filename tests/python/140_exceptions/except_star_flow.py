# try/except* with finally, loops, returns from the body, generators,
# coroutines and context managers.
import asyncio


def trace(*a):
    print(" ", *a)


# finally runs on every path, before the re-raised group propagates.
def with_finally(exc):
    try:
        try:
            if exc:
                raise exc
            trace("body")
        except* ValueError:
            trace("ValueError clause")
        except* TypeError:
            trace("TypeError clause")
            raise RuntimeError("from clause")
        finally:
            trace("finally")
        trace("after try")
    except BaseException as e:
        trace("propagated", repr(e))

print("finally")
with_finally(None)
with_finally(ValueError(1))
with_finally(ExceptionGroup("eg", [ValueError(1), KeyError(2)]))
with_finally(ExceptionGroup("eg", [TypeError(1)]))


# return / break / continue in the try body and in finally are allowed.
def returns_from_body(n):
    try:
        if n:
            raise ValueError(n)
        return "returned from body"
    except* ValueError:
        trace("clause")
    finally:
        trace("finally of returns_from_body")
    return "returned after"

print("return in the body")
trace(returns_from_body(0))
trace(returns_from_body(1))


def finally_return():
    try:
        raise ExceptionGroup("eg", [KeyError(1)])
    except* ValueError:
        pass
    finally:
        return "finally's return swallows the group"

print("return in finally")
trace(finally_return())

print("loops")
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        raise ExceptionGroup("eg", [ValueError(i)])
    except* ValueError as e:
        # a loop inside the clause may break and continue
        for j in range(10):
            if j == 1:
                continue
            if j == 2:
                break
            trace("i", i, "j", j, repr(e))
    finally:
        trace("finally", i)
else:
    trace("no break")


def fn_in_clause():
    try:
        raise ValueError("v")
    except* ValueError as e:
        def inner():
            return "return inside a function defined in a clause"
        trace(inner())
        lam = lambda: e
        trace(repr(lam()))

print("functions in a clause")
fn_in_clause()


# Generators: except* around yields, and a group thrown into a generator.
def gen():
    try:
        yield 1
        yield 2
    except* ValueError as e:
        trace("generator caught", repr(e))
        yield "from clause"
    except* TypeError:
        trace("generator: TypeError clause")
        raise
    finally:
        trace("generator finally")
    yield "after"

print("generators")
g = gen()
trace(next(g))
trace(g.throw(ExceptionGroup("thrown", [ValueError(1)])))
trace(next(g))
trace(list(g))

g = gen()
next(g)
trace(g.throw(ExceptionGroup("thrown", [TypeError(1), ValueError(2)])))
try:
    next(g)
except ExceptionGroup as e:
    trace("the TypeError part propagated", repr(e))
trace(next(g, "exhausted"))

g = gen()
next(g)
g.close()
trace("closed (GeneratorExit is not matched by except* ValueError)")


# Coroutines: the TaskGroup pattern.
async def fails(n, delay):
    await asyncio.sleep(delay)
    raise (ValueError if n % 2 else TypeError)(n)


async def gather_all(*coros):
    errors = []
    for r in await asyncio.gather(*coros, return_exceptions=True):
        if isinstance(r, BaseException):
            errors.append(r)
    if errors:
        raise ExceptionGroup("gathered", errors)


async def main():
    try:
        await gather_all(fails(1, 0.01), fails(2, 0), fails(3, 0.02))
    except* ValueError as e:
        trace("async ValueError clause", repr(e))
        await asyncio.sleep(0)
        trace("awaited inside the clause")
    except* TypeError as e:
        trace("async TypeError clause", repr(e))
    try:
        async with Ctx():
            raise ExceptionGroup("in async with", [KeyError("k")])
    except* KeyError as e:
        trace("after async with:", repr(e))


class Ctx:
    async def __aenter__(self):
        trace("enter")
    async def __aexit__(self, *exc):
        trace("exit", exc[0].__name__)
        return False


print("async")
asyncio.run(main())


# An async generator with except*.
async def agen():
    try:
        yield 1
        raise ExceptionGroup("ag", [ValueError("in agen")])
    except* ValueError as e:
        yield "agen clause " + repr(e)

async def consume():
    return [x async for x in agen()]

trace(asyncio.run(consume()))


# with statements suppressing part of a group by catching all of it.
class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        trace("__exit__ sees", repr(v))
        return isinstance(v, ExceptionGroup)

print("with")
with Suppress():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        trace("clause")
trace("suppressed")
