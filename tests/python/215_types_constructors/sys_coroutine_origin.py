# sys.set/get_coroutine_origin_tracking_depth and cr_origin; the other sys
# functions CPython 3.11 has.
import sys


def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


async def coro():
    pass


def make():
    return coro()


def nested():
    return make()


def origin(depth):
    sys.set_coroutine_origin_tracking_depth(depth)
    try:
        c = nested()
        o = c.cr_origin
        c.close()
        return [(fn.rsplit("/", 1)[-1], line, name) for fn, line, name in o] if o is not None else o
    finally:
        sys.set_coroutine_origin_tracking_depth(0)


t("default depth", sys.get_coroutine_origin_tracking_depth)
t("depth 0", lambda: origin(0))
t("depth 1", lambda: origin(1))
t("depth 2", lambda: origin(2))
t("depth 10", lambda: origin(10))
t("negative", lambda: sys.set_coroutine_origin_tracking_depth(-1))
t("str", lambda: sys.set_coroutine_origin_tracking_depth("x"))
t("missing", lambda: sys.set_coroutine_origin_tracking_depth())
t("keyword", lambda: (sys.set_coroutine_origin_tracking_depth(depth=3), sys.get_coroutine_origin_tracking_depth(), sys.set_coroutine_origin_tracking_depth(0))[1])
t("dlopenflags", lambda: (sys.getdlopenflags(), sys.setdlopenflags(2), sys.getdlopenflags()))
t("dlopenflags bad", lambda: sys.setdlopenflags("x"))
t("present", lambda: [n for n in ("_debugmallocstats", "_getquickenedcount", "_git", "_framework", "_home") if not hasattr(sys, n)])
t("types", lambda: (type(sys._getquickenedcount()).__name__, type(sys._git).__name__, len(sys._git), sys._framework, sys._home))
t("not 3.12", lambda: hasattr(sys, "activate_stack_trampoline"))
