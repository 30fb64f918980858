# _asyncio edge cases: uninitialized Tasks, loops and coroutines that misbehave,
# a step that fails, finalizers whose loop cannot report. None may crash; the
# errors are CPython's.
import asyncio
import _asyncio
import collections.abc
import gc

T, F = _asyncio.Task, _asyncio.Future


def show(fn, *a, **k):
    try:
        r = fn(*a, **k)
        print("ok", type(r).__name__)
    except BaseException as e:
        print(type(e).__name__, str(e)[:80])


loop = asyncio.new_event_loop()
reports = []
loop.set_exception_handler(lambda lp, ctx: reports.append((ctx["message"].split(" at 0x")[0], type(ctx.get("exception")).__name__)))
show(F, loop=1)

u = T.__new__(T)
for m in ("cancel", "cancelling", "uncancel", "get_name", "done", "cancelled", "__del__", "get_stack",
          "print_stack", "_make_cancelled_error", "result", "exception"):
    print(m, end=" ")
    show(getattr(u, m))
show(repr, u)
show(u.set_name, 3)
print(u.get_name())
show(u.add_done_callback, print)
for a in ("_state", "_fut_waiter", "_must_cancel", "_log_destroy_pending", "_callbacks"):
    print(a, end=" ")
    show(getattr, u, a)


async def c():
    return 1


class BadLoop:
    def get_debug(self):
        return False

    def call_soon(self, *a, **k):
        raise KeyError("nope")


co = c()
show(T, co, loop=BadLoop())
co.close()
gc.collect()  # the failed Task is pending; BadLoop cannot report it: ignored silently


class BadLoop2:
    def get_debug(self):
        raise ValueError("dbg")


show(F, loop=BadLoop2())


class WeirdCoro:
    def send(self, v):
        return None

    def throw(self, *a):
        raise StopIteration(9)

    def close(self):
        pass


collections.abc.Coroutine.register(WeirdCoro)
t = T(WeirdCoro(), loop=loop)
loop.call_soon(t.cancel)
show(loop.run_until_complete, t)
print(t.done(), t.cancelled())


class Evil:
    _asyncio_future_blocking = True

    def get_loop(self):
        raise RuntimeError("no loop")


class EvilCoro:
    def send(self, v):
        return Evil()

    def throw(self, *a):
        raise ValueError("thrown")

    def close(self):
        pass


collections.abc.Coroutine.register(EvilCoro)
t = T(EvilCoro(), loop=loop)
for _ in range(2):
    loop.call_soon(loop.stop)
    loop.run_forever()
print(t.done(), reports)
reports.clear()
t._log_destroy_pending = False

f = F(loop=loop)
it = iter(f)
show(it.throw, BaseException)
show(next, it)
show(type(it))
t = T(c(), loop=loop)
step = loop._ready[-1]._callback
show(type(step))
show(type(step).__call__, 1)
show(step, 1)
show(step, x=1)
loop.run_until_complete(t)
show(F.__init__, T.__new__(T), loop=loop)
show(T.get_name, T.__new__(T))


class NoHandlerLoop:
    def get_debug(self):
        return False


f = F(loop=NoHandlerLoop())
f.set_exception(ValueError())
f = None
gc.collect()
loop.close()
print("end")
