# ctypes' fundamental types: values, wrapping, conversions, errors, reprs,
# sizes and alignments, from_param, pickling, the buffer protocol.
import ctypes
import pickle
from ctypes import *


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", r)


types = [c_bool, c_char, c_wchar, c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint, c_long,
         c_ulong, c_longlong, c_ulonglong, c_size_t, c_ssize_t, c_float, c_double, c_longdouble,
         c_char_p, c_wchar_p, c_void_p, py_object, c_int8, c_int16, c_int32, c_int64, c_uint8,
         c_uint16, c_uint32, c_uint64]
for t in types:
    print(t.__name__, t._type_, sizeof(t), alignment(t), type(t).__name__, t.__mro__[1].__name__)

print(c_int(), c_int(42), c_uint(-1), c_byte(300), c_ubyte(-2), c_short(70000))
print(c_longlong(2**64 + 5), c_ulonglong(-1), c_float(1.1).value, c_double(1e300))
print(c_bool(5), c_bool([]), c_char(b"x"), c_char(65), c_wchar("\u20ac"))
print(c_char_p(b"abc").value, c_wchar_p("h\xe9").value, c_void_p(1234).value, c_void_p().value)
print(py_object([1, 2]).value, repr(py_object()))
print(bool(c_int(0)), bool(c_int(3)), bool(c_double(0.0)), bool(c_char_p()))
for t, v in [(c_char, 256), (c_char, b"ab"), (c_char, "a"), (c_int, "x"), (c_int, 1.5),
             (c_double, "x"), (c_wchar, 1), (c_wchar, "ab"), (c_char_p, "x"),
             (c_wchar_p, b"x"), (c_void_p, "x"), (c_int, None)]:
    attempt(t.__name__ + "(" + repr(v) + ")", t, v)

x = c_int(5)
x.value = 7
print(x.value, x._objects, c_char_p(b"keep")._objects)
attempt("del value", delattr, x, "value")
print(c_int.from_param(5), c_double.from_param(1.5), c_char.from_param(97))
attempt("from_param", c_int.from_param, "x")
attempt("c_void_p.from_param", c_void_p.from_param, 1.5)


class MyInt(c_int):
    pass


m = MyInt(3)
print(type(m).__name__, m.value, repr(m).startswith("<MyInt object at"))

# pickling
y = pickle.loads(pickle.dumps(c_double(2.5)))
print(type(y).__name__, y.value)
attempt("pickle c_char_p", pickle.dumps, c_char_p(b"x"))
attempt("pickle c_void_p", pickle.dumps, c_void_p(1))

# buffer protocol and from_buffer
v = c_int(0x01020304)
print(bytes(v), bytes(memoryview(v)), memoryview(v).nbytes)
ba = bytearray(8)
d = c_double.from_buffer(ba)
d.value = 1.0
print(ba, d._objects is not None)
print(c_int.from_buffer_copy(b"\x01\x00\x00\x00\xff").value)
attempt("from_buffer bytes", c_int.from_buffer, b"1234")
attempt("from_buffer small", c_int.from_buffer, bytearray(2))
attempt("from_buffer offset", c_int.from_buffer, bytearray(8), -1)
attempt("sizeof", sizeof, 5)
attempt("alignment", alignment, "x")
attempt("addressof", addressof, 5)
attempt("byref", byref, 5)
print(addressof(v) == c_void_p.from_buffer(pointer(v)).value)
# endian twins
print(c_int.__ctype_le__ is c_int, c_int.__ctype_be__.__name__, c_int.__ctype_be__(1).value)
print(bytes(c_int.__ctype_be__(1)), bytes(c_uint16.__ctype_be__(0x1234)))
print(c_int.__ctype_be__.from_buffer_copy(b"\x00\x00\x01\x02").value)
print(get_errno(), set_errno(5), get_errno(), set_errno(0))
import _ctypes
print(_ctypes.FUNCFLAG_CDECL, _ctypes.FUNCFLAG_PYTHONAPI, _ctypes.FUNCFLAG_USE_ERRNO, _ctypes.FUNCFLAG_USE_LASTERROR)
print(ctypes.RTLD_GLOBAL, ctypes.RTLD_LOCAL, ctypes.ArgumentError.__module__, _ctypes.__version__)
print(c_long.__ctype_be__.__name__, c_long.__ctype_be__.__qualname__, c_double.__ctype_be__.__name__)
