# Structures and unions: layout, _pack_, bit fields, nested and anonymous
# members, byte order (_endian), incomplete types, errors and _objects.
import ctypes
from ctypes import *


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", r)


class POINT(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]


class RECT(Structure):
    _fields_ = [("a", POINT), ("b", POINT), ("name", c_char * 8), ("d", c_double)]


print(sizeof(POINT), alignment(POINT), sizeof(RECT), alignment(RECT))
print(POINT.x, POINT.y, RECT.name, RECT.d, RECT.b.offset, RECT.b.size)
r = RECT(POINT(1, 2), (3, 4), b"abc", 2.5)
print(r.a.x, r.a.y, r.b.x, r.b.y, r.name, r.d)
r.b.x = 30
r.name = b"hello"
print(r.b.x, r.name, bytes(r)[:24])
b = r.b
b.y = 40
print(r.b.y, b._b_base_ is r, r._objects)
attempt("too many", POINT, 1, 2, 3)
attempt("dup", POINT, 1, x=2)
attempt("bad field type", r.a.__setattr__, "x", "s")
attempt("char array too long", setattr, r, "name", b"123456789")
attempt("char array type", setattr, r, "name", 5)
attempt("nested tuple error", RECT, (1, "x"))


class Packed(Structure):
    _pack_ = 1
    _fields_ = [("a", c_char), ("b", c_int), ("c", c_short)]


print(sizeof(Packed), Packed.b, Packed.c)


class Bits(Structure):
    _fields_ = [("a", c_int, 3), ("b", c_int, 5), ("c", c_uint, 10), ("d", c_short, 4), ("e", c_longlong, 40)]


print(sizeof(Bits), Bits.a, Bits.b, Bits.c, Bits.d, Bits.e)
bt = Bits(3, -1, 1000, 7, 2**39 + 1)
print(bt.a, bt.b, bt.c, bt.d, bt.e, bytes(bt).hex())
bt.a = 9
print(bt.a)
for spec in [("x", c_char, 1), ("x", c_double, 1), ("x", c_int, 0), ("x", c_int, 33)]:
    attempt("bitfield %r" % (spec,), type, "B", (Structure,), {"_fields_": [spec]})


class U(Union):
    _fields_ = [("i", c_int), ("d", c_double), ("b", c_ubyte * 8)]


u = U()
u.d = 1.0
print(sizeof(U), alignment(U), u.i, list(u.b))


class Inner(Structure):
    _fields_ = [("p", c_int), ("q", c_int)]


class Anon(Structure):
    _anonymous_ = ("in_",)
    _fields_ = [("first", c_int), ("in_", Inner)]


an = Anon(1, Inner(2, 3))
print(an.p, an.q, an.in_.q)
an.q = 9
print(an.in_.q)
attempt("anon missing", type, "A", (Structure,), {"_anonymous_": ["z"], "_fields_": [("a", c_int)]})


class Node(Structure):
    pass


Node._fields_ = [("value", c_int), ("next", POINTER(Node))]
n2 = Node(2)
n1 = Node(1, pointer(n2))
print(n1.next.contents.value, bool(n1.next), bool(n2.next))
attempt("final", setattr, Node, "_fields_", [])
attempt("not a C type", type, "X", (Structure,), {"_fields_": [("a", int)]})
attempt("self", lambda: setattr(type("R", (Structure,), {}), "_fields_", []))


class Sub(POINT):
    _fields_ = [("z", c_int)]


s = Sub(1, 2, 3)
print(sizeof(Sub), s.x, s.y, s.z)


class BE(BigEndianStructure):
    _fields_ = [("a", c_int), ("b", c_short), ("f", c_uint, 4), ("g", c_uint, 4)]


class LE(LittleEndianStructure):
    _fields_ = [("a", c_int), ("b", c_short)]


be = BE(1, 2, 3, 5)
print(bytes(be).hex(), be.a, be.b, be.f, be.g, sizeof(BE))
print(bytes(LE(1, 2)).hex())
print(POINT.from_buffer_copy(bytes(POINT(7, 8))).y)
