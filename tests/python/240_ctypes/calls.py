# Foreign calls into libc through libffi: argtypes/restype/errcheck,
# variadic calls, structures by value, errno, callbacks (qsort), callbacks
# from a thread gilpy did not start, and the GIL released around calls.
import ctypes
import ctypes.util
import threading
import time
from ctypes import *

libc = CDLL(ctypes.util.find_library("c"))
print(ctypes.util.find_library("c"), ctypes.util.find_library("m"))
print(libc.strlen(b"hello"), libc.abs(-5))
strlen = libc.strlen
strlen.argtypes = [c_char_p]
strlen.restype = c_size_t
print(strlen(b"four"), strlen.argtypes, strlen.restype.__name__)
try:
    strlen(5)
except ctypes.ArgumentError as e:
    print("ArgumentError", e)
try:
    libc.no_such_function_here
except AttributeError as e:
    print("AttributeError", "undefined symbol" in str(e))
buf = create_string_buffer(32)
libc.snprintf(buf, 32, b"%d-%s-%.2f", 42, b"x", c_double(1.5))
print(buf.value)
libc.strtod.restype = c_double
libc.strtod.argtypes = [c_char_p, POINTER(c_char_p)]
end = c_char_p()
print(libc.strtod(b"3.25rest", byref(end)), end.value)
libm = CDLL(ctypes.util.find_library("m"))
libm.pow.restype = c_double
libm.pow.argtypes = [c_double, c_double]
print(libm.pow(2, 10))
libc.getenv.restype = c_char_p
print(libc.getenv(b"NO_SUCH_VAR_XYZ"))


class div_t(Structure):
    _fields_ = [("quot", c_int), ("rem", c_int)]


libc.div.restype = div_t
libc.div.argtypes = [c_int, c_int]
d = libc.div(17, 5)
print(type(d).__name__, d.quot, d.rem)


def check(result, func, args):
    print("errcheck", result, func.__name__ if hasattr(func, "__name__") else "?", args)
    return result * 2


abs_ = libc.abs
abs_.errcheck = check
print(abs_(-21))

# errno
libc_e = CDLL(ctypes.util.find_library("c"), use_errno=True)
set_errno(0)
print(libc_e.close(-1), get_errno() == 9)

# qsort with a Python callback
CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
calls = []


def cmp(a, b):
    calls.append(1)
    return a[0] - b[0]


arr = (c_int * 6)(5, 1, 4, 2, 6, 3)
libc.qsort(arr, len(arr), sizeof(c_int), CMP(cmp))
print(list(arr), len(calls) > 0)


def bad_cmp(a, b):
    raise ValueError("boom")


import sys
seen = []
sys.unraisablehook = lambda u: seen.append((u.err_msg, u.exc_type.__name__, str(u.exc_value), u.object is bad_cmp))
libc.qsort.argtypes = [c_void_p, c_size_t, c_size_t, CMP]
libc.qsort(arr, 2, sizeof(c_int), CMP(bad_cmp))
print(seen)
sys.unraisablehook = sys.__unraisablehook__
cb = CFUNCTYPE(c_double, c_double, c_int)(lambda x, n: x * n)
print(cb(1.5, 4))

# A callback from a thread that C created (pthread_create): it attaches to
# gilpy for the call, and the GIL is taken and given back.
results = []
START = CFUNCTYPE(c_void_p, c_void_p)


def thread_body(arg):
    results.append(("in thread", arg, threading.current_thread().name.startswith("Dummy")))
    return 7


start = START(thread_body)
tid = c_ulong()
print(libc.pthread_create(byref(tid), None, start, c_void_p(99)))
ret = c_void_p()
print(libc.pthread_join(tid, byref(ret)), ret.value)
print(results)

# The GIL is released around a foreign call: a Python thread keeps running
# while the main thread sleeps in libc's usleep.
ticks = []
stop = False


def spin():
    while not stop:
        ticks.append(1)
        time.sleep(0.001)


t = threading.Thread(target=spin)
t.start()
time.sleep(0.01)
n0 = len(ticks)
libc.usleep(200000)
n1 = len(ticks)
stop = True
t.join()
print("thread ran during usleep:", n1 - n0 > 10)
# PyDLL keeps the GIL: pythonapi is a PyDLL of the process itself
print(type(ctypes.pythonapi).__name__, ctypes.pythonapi._handle != 0)
