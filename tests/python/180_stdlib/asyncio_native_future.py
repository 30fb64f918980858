# _asyncio.Future (the C accelerator's Future) used directly: state, callbacks,
# result/exception rules, the future iterator, attributes and their setters.
import asyncio
import asyncio.futures
import _asyncio
import contextvars
import gc

print(asyncio.Future is _asyncio.Future, asyncio.futures._CFuture is _asyncio.Future)
print(_asyncio.Future.__module__, _asyncio.Future.__name__, _asyncio.Future.__qualname__)
print(issubclass(_asyncio.Task, _asyncio.Future), _asyncio.Future[int])

loop = asyncio.new_event_loop()
F = _asyncio.Future


def show(fn, *a, **k):
    try:
        r = fn(*a, **k)
        print("ok", repr(r))
    except BaseException as e:
        print(type(e).__name__ + ":", e)


def run_briefly():
    loop.call_soon(loop.stop)
    loop.run_forever()


f = F(loop=loop)
print(repr(f), f._state, f.done(), f.cancelled(), f._callbacks, f._result, f._exception)
print(f.get_loop() is loop, f._loop is loop, f._source_traceback, f._cancel_message)
print(f._log_traceback, f._asyncio_future_blocking, asyncio.isfuture(f))
show(f.result)
show(f.exception)
f.set_result(42)
print(repr(f), f._state, f.result(), f.exception(), f.done())
show(f.set_result, 1)
show(f.set_exception, ValueError)
show(f.cancel)

# exceptions
f = F(loop=loop)
show(f.set_exception, StopIteration)
show(f.set_exception, StopIteration())
show(f.set_exception, 1)
show(f.set_exception, int)
f.set_exception(KeyError)
print(repr(f), type(f.exception()).__name__, f._log_traceback)
show(f.result)
f._log_traceback = False
show(setattr, f, "_log_traceback", True)
show(delattr, f, "_log_traceback")

# cancellation
f = F(loop=loop)
print(f.cancel("why"), f.cancel(), f.cancelled(), f._state, f._cancel_message, repr(f))
show(f.result)
show(f.exception)
e = f._make_cancelled_error()
print(type(e).__name__, e.args)
f._cancel_message = "other"
show(f.result)
show(delattr, f, "_cancel_message")
f = F(loop=loop)
f.cancel(msg=None)
show(f.result)

# callbacks run through loop.call_soon with their context
order = []
var = contextvars.ContextVar("var", default="dflt")


def cb(name):
    def inner(fut):
        order.append((name, fut.result(), var.get()))
    inner.__qualname__ = name
    return inner


f = F(loop=loop)
a, b, c = cb("a"), cb("b"), cb("c")
f.add_done_callback(a)
f.add_done_callback(b)
ctx = contextvars.copy_context()
ctx.run(var.set, "in-ctx")
f.add_done_callback(c, context=ctx)
f.add_done_callback(a)
print([x[0].__qualname__ for x in f._callbacks])
print(f.remove_done_callback(a), f.remove_done_callback(a), [x[0].__qualname__ for x in f._callbacks])
f.set_result("r")
print(f._callbacks, order)
run_briefly()
print(order)
order.clear()
f.add_done_callback(a)  # already done: scheduled at once
run_briefly()
print(order)
f = F(loop=loop)
f.add_done_callback(print, context=None)
print(f._callbacks)
print(f.remove_done_callback(print), f._callbacks, f.remove_done_callback(print))

# remove_done_callback whose __eq__ mutates the list
f = F(loop=loop)
f.add_done_callback(str)
for _ in range(20):
    f.add_done_callback(id)


class Evil:
    def __eq__(self, other):
        f.remove_done_callback(id)
        return False


print(f.remove_done_callback(Evil()), len(f._callbacks or []))

# argument errors
f = F(loop=loop)
show(F, 1)
show(F, loop=loop, x=1)
show(F, 1, loop=loop)
show(f.add_done_callback)
show(f.add_done_callback, 1, 2)
show(f.add_done_callback, print, ctx=None)
show(f.remove_done_callback)
show(f.cancel, 1, 2)
show(f.cancel, msg="x", y=1)
show(f.set_result)
show(setattr, f, "_state", "x")
show(setattr, f, "_loop", None)
show(delattr, f, "_asyncio_future_blocking")
f._asyncio_future_blocking = 5
print(f._asyncio_future_blocking)
f.cancel()

# an uninitialized Future (__init__ skipped)
u = F.__new__(F)
for name in ("result", "exception", "cancel", "get_loop", "cancelled", "done", "_make_cancelled_error"):
    print(name, end=" ")
    show(getattr(u, name))
for name in ("set_result", "set_exception", "add_done_callback", "remove_done_callback"):
    print(name, end=" ")
    show(getattr(u, name), None)
for name in ("_state", "_callbacks", "_result", "_loop", "_log_traceback", "_asyncio_future_blocking"):
    print(name, end=" ")
    show(getattr, u, name)
show(repr, u)
show(iter, u)


class MyFut(F):
    def __init__(self, *args, **kwargs):
        pass


show(MyFut(loop=loop).get_loop)

# the future iterator
f = F(loop=loop)
it = iter(f)
print(type(it).__name__, type(it).__module__, iter(it) is it)
print(next(it) is f, f._asyncio_future_blocking)
show(next, it)
show(it.send, None)
f.set_result((1, 2))
try:
    it.send(None)
except StopIteration as e:
    print("StopIteration", e.args)
show(next, it)
show(it.send, 1)
it = iter(F(loop=loop))
show(it.throw, Exception, Exception("e"), 32)
show(it.throw, Exception("e"), Exception("e"))
show(it.throw, ValueError, None, None)
show(it.throw, list)
show(it.throw)
show(it.throw, KeyError, ("k",))
show(next, it)
it = iter(F(loop=loop))
print(it.close(), end=" ")
show(next, it)


def gen(fut):
    x = yield from fut
    return x


f = F(loop=loop)
g = gen(f)
print(g.send(None) is f)
f.set_result("done")
show(g.send, None)
f = F(loop=loop)


def unpack():
    a, b = gen(f)


show(unpack)
f.cancel()


async def waiter(fut):
    return await fut


f = F(loop=loop)
loop.call_soon(f.set_result, "awaited")
print(loop.run_until_complete(waiter(f)))
f = F(loop=loop)
loop.call_soon(f.set_exception, ValueError("bad"))
show(loop.run_until_complete, waiter(f))


# subclass
class Sub(F):
    def __init__(self, *a, **k):
        self.calls = 0
        super().__init__(*a, **k)

    def add_done_callback(self, *a, **k):
        self.calls += 1
        return super().add_done_callback(*a, **k)


s = Sub(loop=loop)
s.extra = 1
print(repr(s), s.extra, isinstance(s, asyncio.Future))
loop.call_soon(s.set_result, 7)
print(loop.run_until_complete(waiter(s)), s.calls)


# an exception never retrieved goes to the loop's exception handler when collected
def handler(lp, context):
    print("handler:", context["message"], type(context["exception"]).__name__, repr(context["future"]))


loop.set_exception_handler(handler)
f = F(loop=loop)
f.set_exception(RuntimeError("lost"))
f = None
gc.collect()
f = F(loop=loop)
f.set_exception(RuntimeError("seen"))
f.exception()
f = None
s = Sub(loop=loop)
s.set_exception(ValueError())
s = None
gc.collect()
loop.set_exception_handler(None)

# debug mode records where the future was made
loop.set_debug(True)
f = F(loop=loop)
print(type(f._source_traceback).__name__, f._source_traceback[-1].name, f._source_traceback[-1].lineno)
print(repr(f).startswith("<Future pending created at "))
loop.set_debug(False)
f.cancel()

# __init__ again resets the future
f = F(loop=loop)
f.set_result(1)
f.__init__(loop=loop)
print(f._state, f._result)
f.cancel()
loop.close()
