# faulthandler's interface: argument checking, enable/disable/is_enabled,
# register/unregister, and dump_traceback() read back through a pipe.
import faulthandler
import io
import os
import re
import signal
import sys


def t(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, "->", repr(r))
    except BaseException as e:
        print(label, "->", type(e).__name__, e)


print(faulthandler.__doc__)
print(sorted(n for n in dir(faulthandler) if not n.startswith("__")))
print(faulthandler.enable, faulthandler.enable.__module__)
print(faulthandler.dump_traceback.__doc__)

# enable / disable / is_enabled
print("enabled at start:", faulthandler.is_enabled())
t("disable when off", faulthandler.disable)
t("enable()", faulthandler.enable)
print("enabled:", faulthandler.is_enabled())
t("enable again (fd)", faulthandler.enable, 2, all_threads=False)
t("disable", faulthandler.disable)
print("enabled:", faulthandler.is_enabled())

# the file argument
t("fd -1", faulthandler.enable, -1)
t("str", faulthandler.enable, "x")
t("StringIO", faulthandler.enable, io.StringIO())
t("float", faulthandler.enable, 2.5)
t("huge fd", faulthandler.enable, 2**40)
t("too many", faulthandler.enable, 2, 1, 3)
t("bad keyword", faulthandler.enable, file=2, foo=1)
t("all_threads=[]", faulthandler.enable, 2, [])


class BadFileno:
    def __init__(self, v):
        self.v = v

    def fileno(self):
        return self.v


class RaisingFileno:
    def fileno(self):
        raise OSError("no fileno here")


class FlushFails:
    def fileno(self):
        return 2

    def flush(self):
        raise ValueError("flush failed")


t("fileno() -> -5", faulthandler.enable, BadFileno(-5))
t("fileno() -> '3'", faulthandler.enable, BadFileno("3"))
t("fileno() -> 2**40", faulthandler.enable, BadFileno(2**40))
t("fileno() raises", faulthandler.enable, RaisingFileno())
t("flush() raises", faulthandler.enable, FlushFails())
t("disable", faulthandler.disable)

# no-argument functions
t("disable(1)", faulthandler.disable, 1)
t("is_enabled(1)", faulthandler.is_enabled, 1)
t("cancel(1)", faulthandler.cancel_dump_traceback_later, 1)
t("_sigsegv(1, 2)", faulthandler._sigsegv, 1, 2)
t("_read_null(1)", faulthandler._read_null, 1)

# dump_traceback_later argument checks (nothing fires: cancelled at once)
for v in (0, -1, -0.0, 2**62, float("nan"), "1", None, 3 + 0j, True):
    t(f"later({v!r})", faulthandler.dump_traceback_later, v)
    faulthandler.cancel_dump_traceback_later()
t("later()", faulthandler.dump_traceback_later)
t("later repeat='x'", faulthandler.dump_traceback_later, 10, repeat="x")
t("later exit=2.5", faulthandler.dump_traceback_later, 10, exit=2.5)
t("later 5 args", faulthandler.dump_traceback_later, 1, 0, None, 0, 5)
t("later keywords", faulthandler.dump_traceback_later, timeout=30, file=None, repeat=True, exit=False)
t("cancel", faulthandler.cancel_dump_traceback_later)
t("cancel again", faulthandler.cancel_dump_traceback_later)

# register / unregister
t("register SIGSEGV", faulthandler.register, signal.SIGSEGV)
t("register SIGABRT", faulthandler.register, signal.SIGABRT)
t("register 0", faulthandler.register, 0)
t("register NSIG", faulthandler.register, signal.NSIG)
t("register -1", faulthandler.register, -1)
t("register 'x'", faulthandler.register, "x")
t("register 2**40", faulthandler.register, 2**40)
t("register -2**40", faulthandler.register, -2**40)
t("register 10.5", faulthandler.register, 10.5)
t("register chain=[]", faulthandler.register, signal.SIGUSR1, chain=[])
t("register SIGKILL", faulthandler.register, signal.SIGKILL)
t("register()", faulthandler.register)
t("register 5 args", faulthandler.register, 10, 2, 1, 0, 5)
t("unregister not registered", faulthandler.unregister, signal.SIGUSR1)
t("register SIGUSR1", faulthandler.register, signal.SIGUSR1, file=2, all_threads=0, chain=0)
t("unregister SIGUSR1", faulthandler.unregister, signal.SIGUSR1)
t("unregister again", faulthandler.unregister, signal.SIGUSR1)
t("unregister SIGSEGV", faulthandler.unregister, signal.SIGSEGV)
t("unregister 100", faulthandler.unregister, 100)
t("unregister()", faulthandler.unregister)
t("unregister(1, 2)", faulthandler.unregister, 1, 2)

# sys.stderr None or missing
saved = sys.stderr
sys.stderr = None
t("enable, stderr None", faulthandler.enable)
t("dump, stderr None", faulthandler.dump_traceback)
t("later, stderr None", faulthandler.dump_traceback_later, 1e-3)
t("register, stderr None", faulthandler.register, signal.SIGUSR1)
del sys.stderr
t("enable, no stderr", faulthandler.enable)
sys.stderr = saved
print("enabled:", faulthandler.is_enabled())


# dump_traceback through a pipe
def read_pipe(action):
    r, w = os.pipe()
    action(w)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        text = f.read().decode("ascii")
    return re.sub(r"0x[0-9a-f]{16}", "0xXXXX", text)


def inner(fd, all_threads):
    faulthandler.dump_traceback(fd, all_threads=all_threads)


def outer(fd, all_threads):
    inner(fd, all_threads)


print(read_pipe(lambda w: outer(w, False)), end="")
print(read_pipe(lambda w: outer(w, True)), end="")


class FileLike:
    def __init__(self, fd):
        self.fd = fd
        self.flushed = 0

    def fileno(self):
        return self.fd

    def flush(self):
        self.flushed += 1


holder = {}


def with_object(w):
    holder["f"] = FileLike(w)
    faulthandler.dump_traceback(holder["f"], all_threads=False)


print(read_pipe(with_object), end="")
print("flushed:", holder["f"].flushed)


# names: non-ASCII escaped, long names cut at 500 characters
def fünc_ж_𠀀(fd):
    faulthandler.dump_traceback(fd, all_threads=False)


print(read_pipe(fünc_ж_𠀀), end="")
ns = {"faulthandler": faulthandler}
exec("def " + "x" * 550 + "(fd):\n    faulthandler.dump_traceback(fd, all_threads=False)\n", ns)
print(read_pipe(ns["x" * 550]), end="")
code = compile("faulthandler.dump_traceback(fd, all_threads=False)", "f\u00e9\U0001f600\x01.py", "exec")
print(read_pipe(lambda w: exec(code, {"faulthandler": faulthandler, "fd": w})), end="")


# more than 100 frames end in "  ..."
def deep(n, fd):
    if n == 0:
        faulthandler.dump_traceback(fd, all_threads=False)
        return
    deep(n - 1, fd)


lines = read_pipe(lambda w: deep(150, w)).splitlines()
print(len(lines), lines[:2], lines[-2:])

# a generator's frame sits on its caller's
def gen(fd):
    faulthandler.dump_traceback(fd, all_threads=False)
    yield 1


print(read_pipe(lambda w: next(gen(w))), end="")

# the stdlib names
print(type(sys.stdlib_module_names).__name__, "faulthandler" in sys.stdlib_module_names,
      "sys" in sys.stdlib_module_names, "os" in sys.stdlib_module_names, len(sys.stdlib_module_names))
