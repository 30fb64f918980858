# _bz2 through bz2: one-shot and streaming round trips, max_length streaming,
# multi-stream input, errors and their messages, BZ2File objects, threads.
import array
import bz2
import io
import os
import pickle
import tempfile
import threading
from bz2 import BZ2Compressor, BZ2Decompressor

def show(f):
    try:
        r = f()
    except BaseException as e:
        print("  ", type(e).__name__, e)
    else:
        print("  ok", r if not isinstance(r, bytes) or len(r) < 60 else len(r))

TEXT = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000))
RANDOMISH = bytes((i * 7919 + (i >> 3) * 31) & 0xFF for i in range(50000))

print("== one-shot")
for level in (1, 5, 9):
    c = bz2.compress(TEXT, level)
    print(level, c[:4], bz2.decompress(c) == TEXT)
print(bz2.compress(b""), bz2.decompress(bz2.compress(b"")))
print(bz2.decompress(b""))
print(bz2.decompress(bz2.compress(RANDOMISH)) == RANDOMISH)

print("== incremental compressor")
comp = BZ2Compressor(3)
parts = [comp.compress(TEXT[i:i + 1000]) for i in range(0, len(TEXT), 1000)]
parts.append(comp.flush())
data = b"".join(parts)
print(bz2.decompress(data) == TEXT, data == bz2.compress(TEXT, 3))
show(lambda: comp.flush())
show(lambda: comp.compress(b"x"))
comp = BZ2Compressor()
print(comp.compress(bytearray(b"abc")), comp.compress(memoryview(b"def")))
print(bz2.decompress(comp.flush()))
comp = BZ2Compressor()
comp.compress(array.array("i", [1, 2, 3]))
print(bz2.decompress(comp.flush()) == array.array("i", [1, 2, 3]).tobytes())

print("== argument errors")
show(lambda: BZ2Compressor(0))
show(lambda: BZ2Compressor(10))
show(lambda: BZ2Compressor(compresslevel=9))
show(lambda: BZ2Compressor(1, 2))
show(lambda: BZ2Compressor("a"))
show(lambda: BZ2Compressor(2 ** 40))
show(lambda: BZ2Compressor(9.0))
show(lambda: BZ2Decompressor(1))
show(lambda: BZ2Decompressor(a=1))
c = BZ2Compressor()
show(lambda: c.compress())
show(lambda: c.compress("s"))
show(lambda: c.compress(b"x", 1))
show(lambda: c.compress(data=b"x"))
show(lambda: c.compress(memoryview(b"abcd")[::2]))
show(lambda: c.compress([1]))
show(lambda: c.flush(1))
d = BZ2Decompressor()
show(lambda: d.decompress())
show(lambda: d.decompress(b"x", max_length="a"))
show(lambda: d.decompress(b"x", foo=1))
show(lambda: d.decompress(b"x", 1, 2))
show(lambda: d.decompress(b"", 2 ** 63))
show(lambda: d.decompress(memoryview(b"abcd")[::2]))
show(lambda: setattr(d, "eof", True))
show(lambda: setattr(d, "unused_data", b""))
show(lambda: setattr(d, "foo", 1))
show(lambda: pickle.dumps(BZ2Compressor()))
show(lambda: pickle.dumps(BZ2Decompressor()))
show(lambda: type("Sub", (BZ2Compressor,), {}))
show(lambda: type("Sub", (BZ2Decompressor,), {}))
print(type(BZ2Decompressor.eof).__name__, type(BZ2Decompressor.unused_data).__name__)

print("== decompressor state")
full = bz2.compress(TEXT)
d = BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
out = d.decompress(full[:100])
print(len(out), d.eof, d.needs_input)
out += d.decompress(full[100:] + b"trailing junk")
print(out == TEXT, d.eof, d.needs_input, d.unused_data)
show(lambda: d.decompress(b"more"))
show(lambda: d.decompress(b""))
print(d.unused_data)

print("== max_length streaming")
for chunk, limit in ((len(full), 10000), (1000, 4096), (7, 100000), (len(full), 0)):
    d = BZ2Decompressor()
    pos = 0
    got = []
    calls = 0
    states = set()
    while not d.eof and calls < 10000:
        calls += 1
        if d.needs_input:
            feed = full[pos:pos + chunk]
            pos += len(feed)
        else:
            feed = b""
        if limit == 0 and calls > 3:
            limit = 5000
        piece = d.decompress(feed, limit)
        if limit:
            assert len(piece) <= limit, (len(piece), limit)
        got.append(piece)
        states.add((d.needs_input, d.eof))
    print(chunk, limit, b"".join(got) == TEXT, sorted(states))
d = BZ2Decompressor()
print(len(d.decompress(full, len(TEXT))), d.eof, d.needs_input)
d = BZ2Decompressor()
print(len(d.decompress(full, 1)), d.needs_input, len(d.decompress(b"", -1)), d.eof)
d = BZ2Decompressor()
print(d.decompress(full[:-30], 0), d.needs_input)
print(len(d.decompress(full[-30:] + b"XY")), d.eof, d.unused_data)

print("== multi-stream and bad data")
two = bz2.compress(b"first ") + bz2.compress(b"second")
print(bz2.decompress(two))
show(lambda: bz2.decompress(two + b"junk"))
show(lambda: bz2.decompress(full[:-10]))
show(lambda: bz2.decompress(b"this is not bz2 data at all"))
d = BZ2Decompressor()
show(lambda: d.decompress(b"BZh9" + b"\x00" * 100))
print(d.eof, d.needs_input)
show(lambda: d.decompress(b"\x00" * 18))
bad = bytes.fromhex(
    "425a6839314159265359000000000000007fffff000000000000000000000000"
    "00000000000000000000000000000000000000e0370000000000000000000000"
    "000000000000000000000000000000000000000000000000000083f3")
d = BZ2Decompressor()
show(lambda: d.decompress(bad))
print(d.needs_input, d.eof)
show(lambda: d.decompress(b"\x00" * 18))
d = BZ2Decompressor()
print(d.decompress(b"BZh"), d.needs_input)
show(lambda: d.decompress(b"0"))

print("== __init__ again")
d = BZ2Decompressor()
d.decompress(full)
print(d.eof)
d.__init__()
print(d.eof, d.needs_input, d.unused_data)
show(lambda: d.decompress(b"x"))
d = BZ2Decompressor()
d.decompress(full[:50])
d.__init__()
print(d.eof, d.needs_input, d.decompress(bz2.compress(b"again")))
c = BZ2Compressor(1)
c.compress(b"abc")
c.__init__(9)
c.compress(b"xyz")
print(bz2.decompress(c.flush()))
c.__init__(9)
show(lambda: c.compress(b"x"))

print("== BZ2File")
buf = io.BytesIO()
with bz2.BZ2File(buf, "wb", compresslevel=4) as f:
    f.write(TEXT)
    f.writelines([b"tail 1\n", b"tail 2\n"])
raw = buf.getvalue()
print(bz2.decompress(raw) == TEXT + b"tail 1\ntail 2\n")
with bz2.BZ2File(io.BytesIO(raw + bz2.compress(b"next stream\n"))) as f:
    print(f.read(10), f.peek(1)[:1], f.readline())
    print(f.seekable(), f.tell())
    f.seek(-20, 2)
    print(f.read())
    f.seek(5)
    print(f.read(5))
    lines = f.readlines()
    print(len(lines), lines[-1])
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.bz2")
    with bz2.open(path, "wt", encoding="utf-8") as f:
        f.write("héllo\nwörld\n")
    with bz2.open(path, "rt", encoding="utf-8") as f:
        print(f.read().splitlines())
    with bz2.open(path, "ab") as f:
        f.write(b"appended")
    with bz2.open(path, "rb") as f:
        print(f.read())
    with open(path, "ab") as f:
        f.write(b"garbage")
    with bz2.open(path) as f:
        show(f.read)
    with open(path, "wb") as f:
        f.write(bz2.compress(TEXT)[:-50])
    with bz2.open(path) as f:
        show(f.read)
show(lambda: bz2.open(io.BytesIO(), "rb", encoding="x"))
show(lambda: bz2.BZ2File(io.BytesIO(), "rw"))

print("== threads")
results = {}
def work(n):
    payload = (b"%d-" % n) * 20000
    c = BZ2Compressor()
    packed = b"".join(c.compress(payload[i:i + 5000]) for i in range(0, len(payload), 5000)) + c.flush()
    results[n] = bz2.decompress(packed) == payload
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()))
shared = BZ2Compressor()
def feed():
    for _ in range(50):
        shared.compress(b"x" * 3000)
ts = [threading.Thread(target=feed) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(bz2.decompress(shared.flush()) == b"x" * 3000 * 150)
