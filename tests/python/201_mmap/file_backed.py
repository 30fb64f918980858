# mmap over regular files: sizes and offsets, every method, slicing, flush to disk, resize
# (ftruncate + mremap), ACCESS_READ/WRITE/COPY, and the map outliving its file object.
import mmap
import os
import tempfile

PAGE = mmap.PAGESIZE


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = tempfile.mkdtemp()
path = os.path.join(d, "data.bin")
with open(path, "wb") as f:
    f.write(b"hello world\nsecond line\nthird\n" + b"\0" * (PAGE - 30) + b"page two starts here\n")
    f.write(b"\0" * (PAGE - 21))

with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
print("len", len(m), "size", m.size(), "closed", m.closed)
print("readline", m.readline(), m.readline(), "tell", m.tell())
print("read 3", m.read(3), "read None", len(m.read(None)), "read -1 at end", m.read(-1))
m.seek(0)
print("read_byte", m.read_byte(), m.read_byte(), m.tell())
m.seek(-5, 2)
print("seek end", m.tell(), m.read())
m.seek(PAGE + 18)
print("near end", m.read(4))
m.seek(-3, 1)
print("seek cur", m.tell())
m.seek(0)
t("seek bad whence", lambda: m.seek(0, 3))
t("seek negative", lambda: m.seek(-1))
t("seek past end", lambda: m.seek(1, 2))
print("find", m.find(b"o"), m.find(b"o", 5), m.find(b"o", 5, 7), m.find(b"zz"), m.find(b"page", -PAGE))
print("rfind", m.rfind(b"o"), m.rfind(b"o", 0, 8), m.rfind(b"line"), m.rfind(b"zz"))
print("find empty", m.find(b""), m.rfind(b""), m.find(b"", 5, 3), m.rfind(b"", 5, 3))
m.seek(20)
print("find after seek", m.find(b"line"), m.find(b"o"), m.rfind(b"o"), m.find(b"page", -2 * PAGE + 1))
m.seek(0)
print("find from pos", m.find(b"line"), m.find(bytearray(b"line")), m.find(memoryview(b"third")))
print("index", m[0], m[PAGE + 20], m[6])
print("slice", m[0:5], m[6:11], m[:5:2], m[4::-1], m[PAGE:PAGE + 20], m[100:50], m[::PAGE])
m[0] = ord("H")
m[6:11] = b"WORLD"
m[0:10:2] = b"abcde"
print("after set", m[:12])
m[0:10:2] = b"Hlo o"
m.seek(0)
print("write", m.write(b"Jello"), m.tell(), m[:12])
m.write_byte(ord("!"))
print("write_byte", m[:12])
m.move(0, 6, 5)
print("move", m[:12])
t("move out of range", lambda: m.move(0, 0, len(m) + 1))
t("move negative", lambda: m.move(-1, 0, 1))
print("flush", m.flush(), m.flush(0, PAGE), m.flush(PAGE, 10))
t("flush unaligned", lambda: m.flush(1, 10))
t("flush out of range", lambda: m.flush(0, len(m) + 1))
with open(path, "rb") as f:
    print("on disk", f.read(12))


# resize grows the file too
m.resize(3 * PAGE)
print("resized", len(m), m.size(), os.path.getsize(path), m[PAGE:PAGE + 20], m[-1])
m.resize(100)
print("shrunk", len(m), m.size(), os.path.getsize(path), m.tell())
m.seek(0, 2)
t("write at end", lambda: m.write(b"x"))
t("write_byte at end", lambda: m.write_byte(1))
t("read_byte at end", lambda: m.read_byte())
print("read at end", m.read(), m.readline())
# madvise (advice on part of a map splits it: mremap would then fail with EFAULT, so last)
print("madvise", m.madvise(mmap.MADV_NORMAL), m.madvise(mmap.MADV_SEQUENTIAL, 0, 10),
      m.madvise(mmap.MADV_WILLNEED, 0, 1 << 40))
t("madvise start", lambda: m.madvise(mmap.MADV_NORMAL, len(m)))
t("madvise length", lambda: m.madvise(mmap.MADV_NORMAL, 0, -1))
t("madvise bad option", lambda: m.madvise(12345))
m.close()
print("closed", m.closed)
m.close()  # closing twice is fine
for name, call in [("read", lambda: m.read()), ("len", lambda: len(m)), ("getitem", lambda: m[0]),
                   ("setitem", lambda: m.__setitem__(0, 1)), ("find", lambda: m.find(b"a")),
                   ("size", m.size), ("tell", m.tell), ("seek", lambda: m.seek(0)),
                   ("flush", m.flush), ("resize", lambda: m.resize(10)), ("bytes", lambda: bytes(m)),
                   ("memoryview", lambda: memoryview(m)), ("enter", m.__enter__),
                   ("write", lambda: m.write(b"a")), ("readline", m.readline), ("move", lambda: m.move(0, 0, 1)),
                   ("madvise", lambda: m.madvise(0))]:
    t("closed " + name, call)

# offsets must be multiples of ALLOCATIONGRANULARITY
with open(path, "wb") as f:
    f.write(bytes(range(256)) * (3 * PAGE // 256))
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), PAGE, offset=PAGE)
    print("offset map", len(m), m[:4], m.size(), repr(m))
    m.close()
    m = mmap.mmap(f.fileno(), 0, offset=2 * PAGE)
    print("offset 0-length map", len(m))
    m.close()
    t("unaligned offset", lambda: mmap.mmap(f.fileno(), 10, offset=3))
    t("offset past end", lambda: mmap.mmap(f.fileno(), 0, offset=3 * PAGE))
    t("offset at end", lambda: mmap.mmap(f.fileno(), 0, offset=3 * PAGE))
    t("too long", lambda: mmap.mmap(f.fileno(), 3 * PAGE + 1))
    t("too long with offset", lambda: mmap.mmap(f.fileno(), 2 * PAGE + 1, offset=PAGE))

# access modes
with open(path, "r+b") as f:
    ro = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    cp = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    wr = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE)
    pr = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)
print(repr(ro), repr(cp), repr(wr), sep="\n")
for label, mm in [("read", ro), ("prot_read", pr)]:
    t(label + " write", lambda: mm.write(b"a"))
    t(label + " write_byte", lambda: mm.write_byte(1))
    t(label + " setitem", lambda: mm.__setitem__(0, 1))
    t(label + " setslice", lambda: mm.__setitem__(slice(0, 1), b"a"))
    t(label + " move", lambda: mm.move(0, 1, 1))
    t(label + " resize", lambda: mm.resize(10))
    t(label + " flush", mm.flush)
    t(label + " memoryview readonly", lambda: memoryview(mm).readonly)
cp[0] = 99
cp.write(b"private")
print("copy sees", cp[:8], "file map sees", wr[:8], "read map sees", ro[:8])
t("copy resize", lambda: cp.resize(10))
t("copy flush", cp.flush)
wr[0:3] = b"ABC"
print("write map shared", ro[:3], pr[:3])
for mm in (ro, cp, wr, pr):
    mm.close()

# the map keeps its own descriptor: closing the file does not matter
f = open(path, "r+b")
m = mmap.mmap(f.fileno(), 16)
f.close()
print("after file close", m[:3], m.size(), m.closed)
m[0:3] = b"xyz"
m.flush()
m.close()
with open(path, "rb") as f:
    print("persisted", f.read(3))

# empty files and argument checks
empty = os.path.join(d, "empty.bin")
open(empty, "wb").close()
with open(empty, "r+b") as f:
    t("empty file", lambda: mmap.mmap(f.fileno(), 0))
    t("empty file with length", lambda: mmap.mmap(f.fileno(), 10))
with open(path, "rb") as f:
    t("read-only fd, write map", lambda: mmap.mmap(f.fileno(), 10))
    m = mmap.mmap(f.fileno(), 10, access=mmap.ACCESS_READ)
    print("read-only fd, read map", m[:3])
    m.close()
t("bad fd", lambda: mmap.mmap(9999, 10))
r, w = os.pipe()
t("pipe", lambda: mmap.mmap(r, 10, access=mmap.ACCESS_READ))
os.close(r)
os.close(w)
os.unlink(path)
os.unlink(empty)
os.rmdir(d)
