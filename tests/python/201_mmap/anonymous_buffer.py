# Anonymous maps, argument checking, the buffer protocol (memoryview, bytes, struct, re,
# file I/O into and out of a map) and export counting (close/resize refused while views live).
import gc
import mmap
import os
import pickle
import copy
import re
import struct
import tempfile
import weakref


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(sorted(n for n in dir(mmap) if not n.startswith("_")))
print(mmap.error is OSError, mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.PAGESIZE)
print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANONYMOUS, mmap.PROT_READ, mmap.PROT_WRITE, mmap.PROT_EXEC)
print(mmap.MADV_NORMAL, mmap.MADV_DONTNEED, mmap.MADV_FREE, mmap.MADV_HUGEPAGE)
print(mmap.mmap, mmap.mmap.__module__, mmap.mmap.__name__, type(mmap.mmap.__dict__["closed"]).__name__)

m = mmap.mmap(-1, 16)
print(repr(m), len(m), m[:], m.tell())
t("anonymous size()", m.size)
m.write(b"0123456789")
print(m[:], m.tell(), list(m)[:3], b"1" in m, 49 in m)
m[15] = 255
m[-2] = 7
print(m[14], m[15], m[-1], m[10:])
t("index out of range", lambda: m[16])
t("negative out of range", lambda: m[-17])
t("huge index", lambda: m[2 ** 70])
t("str index", lambda: m["a"])
t("float index", lambda: m[1.0])
t("set str index", lambda: m.__setitem__("a", 1))
t("set str value", lambda: m.__setitem__(0, "a"))
t("set bytes value", lambda: m.__setitem__(0, b"a"))
t("set 256", lambda: m.__setitem__(0, 256))
t("set -1", lambda: m.__setitem__(0, -1))
t("set huge", lambda: m.__setitem__(0, 2 ** 70))
t("set out of range", lambda: m.__setitem__(16, 0))
t("del item", lambda: m.__delitem__(0))
t("del out of range", lambda: m.__delitem__(99))
t("del slice", lambda: m.__delitem__(slice(0, 2)))
t("slice wrong size", lambda: m.__setitem__(slice(0, 2), b"abc"))
t("slice str", lambda: m.__setitem__(slice(0, 2), "ab"))
t("stepped slice wrong size", lambda: m.__setitem__(slice(0, 10, 3), b"ab"))
m[::4] = b"WXYZ"
m[10:4:-2] = bytearray(b"pqr")
m[0:0] = b""
m[2:5] = memoryview(b"abc")
print(m[:], m[::-1], m[1::3], m[-3:], m[5:100])
m[4:8] = m[0:4]  # source is the map itself
print(m[:8])
t("m + m", lambda: m + m)
t("m * 2", lambda: m * 2)
t("read str", lambda: m.read("x"))
t("read float", lambda: m.read(2.0))
t("read huge", lambda: m.read(2 ** 70))
t("write str", lambda: m.write("abc"))
t("write_byte str", lambda: m.write_byte("a"))
t("write_byte 256", lambda: m.write_byte(256))
t("write_byte -1", lambda: m.write_byte(-1))
t("seek str", lambda: m.seek("a"))
t("seek huge", lambda: m.seek(2 ** 70))
t("find str", lambda: m.find("a"))
t("find int", lambda: m.find(1))
t("find no args", lambda: m.find())
t("move 2 args", lambda: m.move(0, 1))
t("flush 3 args", lambda: m.flush(1, 2, 3))
t("resize no args", lambda: m.resize())
t("read 2 args", lambda: m.read(1, 2))
t("resize negative", lambda: m.resize(-1))
m.seek(0)
m.resize(8)  # shrinking a shared anonymous map is fine (growing it is refused: resize_shared_anon.py)
print("shrunk anon", len(m), m[:], m.tell())
t("resize to 0", lambda: m.resize(0))
p = mmap.mmap(-1, 16, flags=mmap.MAP_PRIVATE)
p[:3] = b"abc"
p.resize(mmap.PAGESIZE * 3)
p[-1] = 9
print("grown private anon", len(p), p[:4], p[-1], p[mmap.PAGESIZE * 2])
p.close()

# constructor checks
t("no args", lambda: mmap.mmap())
t("no length", lambda: mmap.mmap(-1))
t("bad kw", lambda: mmap.mmap(-1, 10, foo=1))
t("trackfd (3.13 only)", lambda: mmap.mmap(-1, 10, trackfd=False))
t("dup kw", lambda: mmap.mmap(-1, 10, length=3))
t("too many", lambda: mmap.mmap(-1, 10, 1, 2, 3, 4, 5))
t("str fileno", lambda: mmap.mmap("a", 10))
t("str length", lambda: mmap.mmap(-1, "a"))
t("zero length", lambda: mmap.mmap(-1, 0))
t("negative length", lambda: mmap.mmap(-1, -1))
t("negative offset", lambda: mmap.mmap(-1, 10, offset=-1))
t("bad access", lambda: mmap.mmap(-1, 10, access=5))
t("access and flags", lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))
t("access and prot", lambda: mmap.mmap(-1, 10, prot=mmap.PROT_READ, access=mmap.ACCESS_WRITE))
t("huge", lambda: mmap.mmap(-1, 2 ** 62))
t("keywords", lambda: len(mmap.mmap(fileno=-1, length=10, flags=mmap.MAP_PRIVATE, prot=mmap.PROT_READ, offset=0)))
t("private anon", lambda: repr(mmap.mmap(-1, 10, mmap.MAP_PRIVATE)))
t("anon offset", lambda: mmap.mmap(-1, 10, offset=mmap.PAGESIZE)[:2])

# pickling and copying are refused
t("pickle", lambda: pickle.dumps(m))
t("copy", lambda: copy.copy(m))
t("deepcopy", lambda: copy.deepcopy(m))

# subclass, weakref, context manager
class Anon(mmap.mmap):
    def __new__(cls, size):
        return super().__new__(cls, -1, size)

a = Anon(8)
a.tag = "x"
print(type(a).__name__, len(a), a.tag, a.closed, repr(a).startswith("<__main__.Anon closed=False"))
with a as entered:
    print("with", entered is a)
print("after with", a.closed, repr(a))


def weak():
    return weakref.ref(mmap.mmap(-1, 8))


r = weak()
gc.collect()
print("weakref cleared", r() is None)
try:
    with mmap.mmap(-1, 10) as cm:
        raise KeyError("inside")
except KeyError as e:
    print("exception passes through", e, cm.closed)

# buffer protocol
m = mmap.mmap(-1, 32)
m[:5] = b"hello"
print(bytes(m)[:6], bytearray(m)[:5], len(bytes(m)))
mv = memoryview(m)
print(mv.readonly, mv.format, mv.itemsize, mv.nbytes, mv.obj is m, mv[0], bytes(mv[1:3]))
mv[5] = ord("!")
mv[6:8] = b"ab"
print(m[:8])
struct.pack_into("<iH", m, 8, -2, 513)
struct.pack_into(">Q", mv, 16, 0x0102030405060708)
print(m[8:14], m[16:24], struct.unpack_from("<iH", m, 8), struct.unpack_from(">Q", mv, 16))
t("close with view", m.close)
t("resize with view", lambda: m.resize(64))
half = mv[::2]
half.release()
mv.release()
with memoryview(m) as v2:
    c = v2.cast("I")
    print("cast", c[0] == int.from_bytes(b"hell", "little"), len(c))
    c.release()
print("closed after releases", m.close(), m.closed)
t("memoryview of closed", lambda: memoryview(m))
t("bytes of closed", lambda: bytes(m))
t("pack_into closed", lambda: struct.pack_into("i", m, 0, 1))

# views that were dropped (not released) do not block close() for long
m = mmap.mmap(-1, 16)
for i in range(3):
    memoryview(m)[i] = 65 + i
print(m[:3])
x = memoryview(m)[2:5]
del x
print("close after dropped views", m.close(), m.closed)

# read-only maps export read-only buffers
ro = mmap.mmap(-1, 8, prot=mmap.PROT_READ)
rv = memoryview(ro)
print("readonly view", rv.readonly, bytes(rv), repr(ro).split(",")[1])
t("write readonly view", lambda: rv.__setitem__(0, 1))
t("pack_into readonly", lambda: struct.pack_into("i", ro, 0, 1))
t("pack_into readonly view", lambda: struct.pack_into("i", rv, 0, 1))
rv.release()
ro.close()

# regular expressions, file I/O and os functions see the map's bytes
m = mmap.mmap(-1, 64)
m[:24] = b"alpha 123 beta 4567 end\n"
print(re.findall(rb"\d+", m), re.search(rb"beta", m).span())
d = tempfile.mkdtemp()
p = os.path.join(d, "out.bin")
with open(p, "wb") as f:
    print("file.write", f.write(m[:24]), f.write(memoryview(m)[:4]))
with open(p, "rb") as f:
    m.seek(0)
    print("readinto", f.readinto(m), m[:30])
fd = os.open(p, os.O_RDONLY)
print("os.read", os.read(fd, 5))
os.close(fd)
os.unlink(p)
os.rmdir(d)
print("bytes ops", bytes(m[:5]).upper(), b"".join([m[:2], m[2:5]]), m[:5] == b"alpha")
m.close()
