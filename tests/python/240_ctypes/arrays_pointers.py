# Arrays (type multiplication, slicing, char/wchar arrays), pointers, casts,
# resize, memmove/memset/string_at, keep-alive references.
import ctypes
from ctypes import *


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", r)


IntArr = c_int * 5
print(IntArr.__name__, type(IntArr).__name__, sizeof(IntArr), IntArr._length_, IntArr._type_.__name__)
print(c_int * 5 is IntArr, (c_int * 2 * 3).__name__)
a = IntArr(1, 2, 3)
print(list(a), a[-1], a[1:4], a[::-1], a[::2], len(a))
a[4] = 9
a[0:2] = [7, 8]
print(list(a))
attempt("index", a.__getitem__, 5)
attempt("slice size", a.__setitem__, slice(0, 2), [1])
attempt("too many", IntArr, 1, 2, 3, 4, 5, 6)
attempt("neg", lambda: c_int * -1)
buf = create_string_buffer(b"hello", 10)
print(sizeof(buf), buf.value, buf.raw, buf[1:3], buf[::-1][:3])
buf.value = b"hi"
print(buf.raw)
wb = create_unicode_buffer("h\xe9llo")
print(sizeof(wb), wb.value, wb[1], wb[:2])
arr2 = (c_char_p * 2)(b"one", b"two")
print(arr2[0], arr2[1], sorted(arr2._objects.items()))

p = pointer(c_int(42))
print(type(p).__name__, p.contents.value, p[0])
p[0] = 43
print(p.contents, POINTER(c_int) is type(p), POINTER(c_int).__name__)
np = POINTER(c_int)()
print(bool(np))
attempt("null contents", lambda: np.contents)
attempt("null index", lambda: np[0])
attempt("wrong contents", setattr, p, "contents", c_double(1))
attempt("POINTER(5)", POINTER, 5)
pa = cast(a, POINTER(c_int))
print(pa[0], pa[3], pa[:3])
vp = cast(a, c_void_p)
print(vp.value == addressof(a))
attempt("cast bad", cast, a, c_int)
cp = cast(create_string_buffer(b"abc"), c_char_p)
print(cp.value)
pp = pointer(p)
print(pp.contents.contents.value)
print(ctypes.string_at(addressof(buf), 3), ctypes.wstring_at(addressof(wb), 2))
dst = (c_char * 6)()
ctypes.memmove(dst, b"abcdef", 6)
ctypes.memset(addressof(dst), ord("z"), 2)
print(dst.raw)
r = c_int(5)
attempt("resize small", resize, r, 2)
resize(r, 16)
print(sizeof(r), r.value)
attempt("resize not owned", resize, c_int.from_buffer(bytearray(8)), 16)
print(byref(r).__class__.__name__, c_int.from_address(addressof(r)).value)


class S(Structure):
    _fields_ = [("p", c_char_p), ("arr", c_int * 3)]


s = S(b"text", (1, 2))
print(s.p, s.arr[:], s._objects)
print(memoryview(a).nbytes, bytes(memoryview(a))[:8])
IP = POINTER(c_int)
arr_of_p = (IP * 2)()
arr_of_p[0] = pointer(c_int(3))
print(arr_of_p[0].contents.value, bool(arr_of_p[1]))
