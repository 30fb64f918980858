# _asyncio.Task (the C accelerator's Task) used directly: stepping coroutines,
# awaiting native, Python and duck futures, cancellation, names, errors with
# CPython's messages, the task registry and the running-loop functions.
import asyncio
import asyncio.futures
import asyncio.tasks
import _asyncio  # after asyncio: CPython's module imported first gets a second _current_tasks
import contextvars
import gc
import io
import re
import types

T, F = _asyncio.Task, _asyncio.Future
print(asyncio.Task is T, asyncio.tasks._CTask is T, T.__module__, T.__doc__)
print(asyncio.tasks._enter_task is _asyncio._enter_task, asyncio.tasks._all_tasks is _asyncio._all_tasks)
print(asyncio.events._get_running_loop is _asyncio._get_running_loop, type(_asyncio._all_tasks).__name__,
      _asyncio._current_tasks)

loop = asyncio.new_event_loop()


def scrub(text):
    # no addresses, and files by their base name (the test may run from any folder)
    return re.sub(r"/[^\s:]*/([\w.]+\.py)", r"\1", re.sub(" at 0x[0-9a-f]+", " at 0x...", text))


def show(fn, *a, **k):
    try:
        r = fn(*a, **k)
        print("ok", scrub(repr(r)))
    except BaseException as e:
        print(type(e).__name__ + ":", scrub(str(e)))


def run(coro):
    return loop.run_until_complete(coro)


def run_briefly():
    loop.call_soon(loop.stop)
    loop.run_forever()


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def chain(n):
    if n == 0:
        return 0
    return 1 + await chain(n - 1)


t = T(add(1, 2), loop=loop, name="adder")
print(t.get_name(), t.done(), t._state, t._must_cancel, t._fut_waiter, type(t._coro).__name__, t._log_destroy_pending)
print(type(loop._ready[-1]._callback).__name__, loop._ready[-1]._callback.__self__ is t)
print(t in asyncio.all_tasks(loop), run(t), t.result(), t.done(), t in asyncio.all_tasks(loop))
print(run(T(chain(50), loop=loop)))
t = T(add(1, 1), loop=loop)
print(t.get_name().startswith("Task-"), run(t))
t.set_name({6})
print(t.get_name())

# awaiting futures: native, subclass, Python Future, duck future
fut = F(loop=loop)


async def wait_on(f):
    return await f


t = T(wait_on(fut), loop=loop)
run_briefly()
print(t._fut_waiter is fut, [cb[0].__qualname__ for cb in fut._callbacks], repr(fut))
fut.set_result("native")
print(run(t), t._fut_waiter)


class SubFut(F):
    def add_done_callback(self, *a, **k):
        print("SubFut.add_done_callback", sorted(k))
        return super().add_done_callback(*a, **k)


sf = SubFut(loop=loop)
t = T(wait_on(sf), loop=loop)
run_briefly()
sf.set_result("sub")
print(run(t))
pf = asyncio.futures._PyFuture(loop=loop)
t = T(wait_on(pf), loop=loop)
run_briefly()
print(t._fut_waiter is pf)
pf.set_result("python")
print(run(t))


class Duck:
    _asyncio_future_blocking = False

    def __init__(self):
        self.cbs = []
        self.value = None

    def get_loop(self):
        return loop

    def add_done_callback(self, fn, *, context=None):
        self.cbs.append((fn, context))

    def result(self):
        return self.value

    def cancel(self, msg=None):
        print("Duck.cancel", msg)
        return False

    def done(self):
        return self.value is not None

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        return self.result()


d = Duck()
t = T(wait_on(d), loop=loop)
run_briefly()
print(len(d.cbs), d.cbs[0][0].__qualname__, d._asyncio_future_blocking)
t.cancel("stop")
print(t._must_cancel, t.cancelling())
d.value = "duck"
d.cbs[0][0](d)
show(run, t)

# wrong yields
@types.coroutine
def bad_yield(v):
    yield v


async def yielder(v):
    await bad_yield(v)


for v in (1, "s", (x for x in ())):
    show(run, T(yielder(v), loop=loop, name="Y"))
f2 = F(loop=loop)
f2._asyncio_future_blocking = False
f2.set_result(1)
show(run, T(yielder(f2), loop=loop, name="Y2"))
other = asyncio.new_event_loop()
show(run, T(wait_on(F(loop=other)), loop=loop, name="Other"))
other.close()


async def self_await():
    await asyncio.sleep(0)
    await me


me = T(self_await(), loop=loop, name="Me")
show(run, me)


@types.coroutine
def bare():
    yield


async def bare_yields():
    for _ in range(3):
        await bare()
    return "bare"


print(run(T(bare_yields(), loop=loop)))

# exceptions and cancellation
async def boom():
    raise ValueError("boom")


t = T(boom(), loop=loop)
show(run, t)
print(type(t.exception()).__name__, t.done(), t.cancelled())


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("caught", e.args)
        raise


t = T(sleeper(), loop=loop)
run_briefly()
print(t.cancel("msg1"), t.cancelling(), repr(t._fut_waiter)[:22])
show(run, t)
print(t.cancelled(), t.cancel(), t.cancelling(), t.uncancel(), t.cancelling())
t = T(add(1, 2), loop=loop)
print(t.cancel(), t._must_cancel, t.cancelling())
show(run, t)
show(t.result)
print(type(t._make_cancelled_error()).__name__)


async def ignores_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "ignored"


t = T(ignores_cancel(), loop=loop)
run_briefly()
t.cancel()
print(run(t), t.cancelled(), t.cancelling(), t.uncancel())


async def cancel_then_return():
    asyncio.current_task().cancel("late")
    return 5


t = T(cancel_then_return(), loop=loop)
show(run, t)
print(t._cancel_message)


async def sysexit():
    raise SystemExit(3)


t = T(sysexit(), loop=loop)
show(run, t)
print(t.done(), type(t.exception()).__name__)

# contextvars: each task runs in its own copy, or in the context given
var = contextvars.ContextVar("var", default="unset")


async def setter(v):
    await asyncio.sleep(0)
    var.set(v)
    return var.get()


ctx = contextvars.copy_context()
print(run(T(setter("a"), loop=loop)), var.get())
print(run(T(setter("b"), loop=loop, context=ctx)), ctx[var], var.get())

# current task, _enter_task / _leave_task, registry
async def who():
    return asyncio.current_task() is t2, asyncio.current_task(loop) is t2, _asyncio._get_running_loop() is loop


t2 = T(who(), loop=loop)
print(run(t2), asyncio.current_task(loop))
show(_asyncio._enter_task, loop, 1)
show(_asyncio._enter_task, loop, 2)
show(_asyncio._leave_task, loop, 2)
show(_asyncio._leave_task, loop, 1)
show(_asyncio._leave_task, loop, 1)
show(_asyncio._enter_task, loop)
show(_asyncio._enter_task, [], 1)
show(_asyncio._register_task)
show(_asyncio._register_task, 1, 2)


class TaskLike:
    def get_loop(self):
        return loop

    def done(self):
        return False


tl = TaskLike()
_asyncio._register_task(tl)
print(tl in asyncio.all_tasks(loop), asyncio.all_tasks(loop) == {tl})
_asyncio._unregister_task(tl)
_asyncio._unregister_task(tl)
print(asyncio.all_tasks(loop))

# running loop functions
show(_asyncio.get_running_loop)
show(_asyncio._get_running_loop)
show(_asyncio._set_running_loop)
_asyncio._set_running_loop(loop)
print(_asyncio.get_running_loop() is loop, _asyncio.get_event_loop() is loop, _asyncio._get_event_loop() is loop)
show(_asyncio._get_event_loop, 1, 2)
show(_asyncio._get_event_loop, "x")
_asyncio._set_running_loop(None)
show(_asyncio.get_running_loop)

# argument errors and misc methods
async def nothing():
    return "nothing"


c = nothing()
show(T)
show(T, 1, loop=loop)
show(T, c, 1, loop=loop)
show(T, c, loop=loop, name=None, context=None, x=1)
show(T, c, loop=loop, bogus=1)
t = T(c, loop=loop, name="misc")
show(t.set_result, 1)
show(t.set_exception, ValueError())
show(t.set_result)
show(t.get_stack, 1)
show(t.print_stack, 1)
show(t.set_name)
show(t.uncancel, 1)
show(setattr, t, "_must_cancel", True)
show(setattr, t, "_coro", None)
show(delattr, t, "_log_destroy_pending")
show(setattr, t, "_state", 1)
print(t.get_coro() is c, repr(t).startswith("<Task pending name='misc' coro=<nothing() running at "))
print(run(t), repr(t).endswith(" result='nothing'>"), t.get_stack(), t.get_stack(limit=1))
buf = io.StringIO()
t.print_stack(file=buf)
print(scrub(buf.getvalue().strip()))
print(T[str])


async def stack_probe():
    me = asyncio.current_task()
    print([f.f_code.co_name for f in me.get_stack()])
    buf = io.StringIO()
    me.print_stack(limit=1, file=buf)
    print(scrub(buf.getvalue().splitlines()[0]))


run(T(stack_probe(), loop=loop))

# Future.set_result on a task: the next step reports the task already done
handled = []
loop.set_exception_handler(lambda lp, ctx: handled.append(ctx))


async def slow():
    await asyncio.sleep(0.01)
    return 10


c = slow()
t = T(c, loop=loop)
F.set_result(t, "spam")
print(run(t))
run_briefly()
c.close()
print(type(handled[0]["exception"]).__name__, str(handled[0]["exception"]).startswith("_step(): already done:"))
handled.clear()

# a task collected while pending is reported
async def forever(f):
    await f


t = T(forever(F(loop=loop)), loop=loop, name="Lost")
run_briefly()
t = None
gc.collect()
print([ctx["message"] for ctx in handled], [repr(ctx["task"])[:30] for ctx in handled])
handled.clear()


async def raises():
    raise KeyError("never retrieved")


t = T(raises(), loop=loop, name="Unretrieved")
run_briefly()
t = None
gc.collect()
print([ctx["message"] for ctx in handled])
loop.set_exception_handler(None)


# subclasses of Task and Future (as test_tasks' add_subclass_tests)
class CommonFuture:
    def __init__(self, *args, **kwargs):
        self.calls = 0
        super().__init__(*args, **kwargs)

    def add_done_callback(self, *args, **kwargs):
        self.calls += 1
        return super().add_done_callback(*args, **kwargs)


class MyTask(CommonFuture, T):
    pass


class MyFuture(CommonFuture, F):
    pass


fut = MyFuture(loop=loop)


async def func():
    loop.call_soon(lambda: fut.set_result("spam"))
    return await fut


task = MyTask(func(), loop=loop)
print(run(task), task.calls, fut.calls, repr(task)[:24])
loop.close()
print("closed")
