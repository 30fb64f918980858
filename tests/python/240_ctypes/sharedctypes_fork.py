# multiprocessing's shared ctypes objects across a fork: Value, Array,
# RawValue, RawArray, synchronized wrappers and copy().
import ctypes
import multiprocessing as mp
from multiprocessing import sharedctypes


class Point(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_double)]


def child(v, a, raw, pt, s, lock):
    with lock:
        v.value += 1
    for i in range(len(a)):
        a[i] = a[i] * 2
    raw[0] = 100
    pt.x = 7
    pt.y = 0.5
    s.value = b"from child"


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    v = ctx.Value("i", 41)
    a = ctx.Array("d", [1.0, 2.0, 3.0])
    raw = sharedctypes.RawArray(ctypes.c_long, 4)
    pt = sharedctypes.RawValue(Point, 1, 2.0)
    s = ctx.Array(ctypes.c_char, 16)
    lock = ctx.Lock()
    procs = [ctx.Process(target=child, args=(v, a, raw, pt, s, lock)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(v.value, a[:], raw[:], pt.x, pt.y, s.value, [p.exitcode for p in procs])
    print(type(v).__name__, repr(v), v.get_lock() is not None)
    c = sharedctypes.copy(pt)
    print(type(c).__name__, c.x, c.y)
    sv = sharedctypes.synchronized(sharedctypes.RawValue(ctypes.c_double, 2.5))
    print(sv.value, repr(sv))
    sa = sharedctypes.synchronized(sharedctypes.RawArray("i", [1, 2, 3]))
    print(sa[:], len(sa), type(sa).__name__)
    sp = sharedctypes.synchronized(sharedctypes.RawValue(Point, 3, 4.0))
    print(sp.x, sp.y, type(sp).__name__)
    try:
        ctx.Value("i", 1, lock=5)
    except AttributeError as e:
        print("AttributeError", e)
