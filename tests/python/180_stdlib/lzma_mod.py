# _lzma through lzma: formats, checks, presets, filter chains (parsing and the
# errors for bad specs), max_length streaming, multi-stream input, errors and
# their messages, LZMAFile objects, filter properties, threads.
import io
import lzma
import os
import pickle
import tempfile
import threading
from lzma import LZMACompressor, LZMADecompressor, LZMAError
import _lzma

def show(f):
    try:
        r = f()
    except BaseException as e:
        print("  ", type(e).__name__, e)
    else:
        if isinstance(r, (LZMACompressor, LZMADecompressor)):
            r = type(r).__name__
        print("  ok", r if not isinstance(r, bytes) or len(r) < 60 else len(r))

TEXT = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000))

print("== module")
print(sorted(n for n in dir(_lzma) if not n.startswith("__")))
for n in sorted(dir(_lzma)):
    if n.isupper():
        print(n, getattr(_lzma, n))
print(LZMAError.__mro__, LZMAError.__module__, LZMAError.__doc__)
print(type(LZMADecompressor.check).__name__, type(LZMADecompressor.eof).__name__)

print("== round trips")
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    for preset in (0, 6, 9 | lzma.PRESET_EXTREME):
        c = lzma.compress(TEXT, format=fmt, preset=preset)
        print(fmt, preset, c[:6], lzma.decompress(c) == TEXT, lzma.decompress(c, format=fmt) == TEXT)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(TEXT, check=check)
    d = LZMADecompressor()
    print(check, d.check, d.decompress(c) == TEXT, d.check, d.eof)
raw_filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 1}]
c = lzma.compress(TEXT, format=lzma.FORMAT_RAW, filters=raw_filters)
print(lzma.decompress(c, format=lzma.FORMAT_RAW, filters=raw_filters) == TEXT)
print(lzma.decompress(lzma.compress(b"", format=lzma.FORMAT_RAW, filters=raw_filters),
                      format=lzma.FORMAT_RAW, filters=raw_filters))
for f in ([{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2}],
          [{"id": lzma.FILTER_ARM, "start_offset": 16}, {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20,
            "lc": 2, "lp": 1, "pb": 1, "mode": lzma.MODE_FAST, "nice_len": 64, "mf": lzma.MF_HC4, "depth": 10}],
          [{"id": lzma.FILTER_LZMA1, "preset": 2}]):
    fmt = lzma.FORMAT_ALONE if f[0]["id"] == lzma.FILTER_LZMA1 else lzma.FORMAT_XZ
    c = lzma.compress(TEXT, format=fmt, filters=f)
    print(fmt, lzma.decompress(c) == TEXT)
print(lzma.compress(b"")[:6], lzma.decompress(lzma.compress(b"")))

print("== incremental")
comp = LZMACompressor(preset=1)
parts = [comp.compress(TEXT[i:i + 3000]) for i in range(0, len(TEXT), 3000)]
parts.append(comp.flush())
print(lzma.decompress(b"".join(parts)) == TEXT)
show(lambda: comp.flush())
show(lambda: comp.compress(b"x"))
comp = LZMACompressor()
head = comp.compress(bytearray(b"abc"))
mid = comp.compress(memoryview(b"def"))
print(head, mid)
print(lzma.decompress(head + mid + comp.flush()))
comp.__init__(format=lzma.FORMAT_ALONE)
head = comp.compress(b"after init")
print(lzma.decompress(head + comp.flush()))

print("== constructor errors")
F = lzma
show(lambda: LZMACompressor(1, 2, 3, 4, 5))
show(lambda: LZMACompressor(foo=1))
show(lambda: LZMACompressor(format="a"))
show(lambda: LZMACompressor(format=9))
show(lambda: LZMACompressor(format=F.FORMAT_AUTO))
show(lambda: LZMACompressor(check=99))
show(lambda: LZMACompressor(check=2))
show(lambda: LZMACompressor(check=2 ** 40))
show(lambda: LZMACompressor(check=F.CHECK_UNKNOWN))
show(lambda: LZMACompressor(format=F.FORMAT_ALONE, check=F.CHECK_CRC32))
show(lambda: LZMACompressor(format=F.FORMAT_ALONE, check=F.CHECK_NONE))
show(lambda: LZMACompressor(format=F.FORMAT_RAW))
show(lambda: LZMACompressor(format=F.FORMAT_RAW, preset=3))
show(lambda: LZMACompressor(preset=3, filters=[]))
show(lambda: LZMACompressor(preset=-1))
show(lambda: LZMACompressor(preset=2 ** 32))
show(lambda: LZMACompressor(preset=2 ** 64))
show(lambda: LZMACompressor(preset=10))
show(lambda: LZMACompressor(preset=1.5))
show(lambda: LZMACompressor(format=F.FORMAT_ALONE, preset=10))
show(lambda: LZMADecompressor(1, 2, 3, 4))
show(lambda: LZMADecompressor(foo=1))
show(lambda: LZMADecompressor(format=9))
show(lambda: LZMADecompressor(format=2 ** 40))
show(lambda: LZMADecompressor(format=F.FORMAT_RAW))
show(lambda: LZMADecompressor(format=F.FORMAT_RAW, memlimit=5))
show(lambda: LZMADecompressor(format=F.FORMAT_XZ, filters=[]))
show(lambda: LZMADecompressor(memlimit=-1))
show(lambda: LZMADecompressor(memlimit="a"))
show(lambda: LZMADecompressor(memlimit=2 ** 64))
show(lambda: LZMADecompressor(memlimit=2 ** 64 - 1))
show(lambda: LZMADecompressor(format=F.FORMAT_RAW, filters=[{"id": F.FILTER_X86}]))
show(lambda: pickle.dumps(LZMACompressor()))
show(lambda: pickle.dumps(LZMADecompressor()))
show(lambda: type("Sub", (LZMACompressor,), {}))
show(lambda: setattr(LZMADecompressor(), "check", 1))

print("== filter specs")
for spec in (3, [], "abc", [3], [{}], [{"id": "x"}], [{"id": -1}], [{"id": 2 ** 64}], [{"id": 1.0}],
             [{"id": 99}], [{"id": F.FILTER_LZMA2, "foo": 1}], [{"id": F.FILTER_LZMA2, "preset": 10}],
             [{"id": F.FILTER_LZMA2, "preset": -1}], [{"id": F.FILTER_LZMA2, "preset": "a"}],
             [{"id": F.FILTER_LZMA2, "preset": 2 ** 40}],
             [{"id": F.FILTER_LZMA2, "dict_size": "a"}], [{"id": F.FILTER_LZMA2, "dict_size": 2 ** 33}],
             [{"id": F.FILTER_LZMA2, "dict_size": -1}], [{"id": F.FILTER_LZMA2, "dict_size": 1}],
             [{"id": F.FILTER_LZMA2, "mf": 99}], [{"id": F.FILTER_LZMA2, "mode": 99}],
             [{"id": F.FILTER_LZMA2, "lc": 9}], [{"id": F.FILTER_LZMA2, "lc": 3, "lp": 3}],
             [{"id": F.FILTER_LZMA2, 1: 2}], [{"id": F.FILTER_LZMA1}], [{"id": F.FILTER_DELTA}],
             [{"id": F.FILTER_DELTA, "dist": 0}, {"id": F.FILTER_LZMA2}],
             [{"id": F.FILTER_DELTA, "dist": 300}, {"id": F.FILTER_LZMA2}],
             [{"id": F.FILTER_DELTA, "start_offset": 3}, {"id": F.FILTER_LZMA2}],
             [{"id": F.FILTER_X86, "start_offset": 3}, {"id": F.FILTER_LZMA2}],
             [{"id": F.FILTER_X86, "dist": 3}, {"id": F.FILTER_LZMA2}],
             [{"id": F.FILTER_X86, "start_offset": 2.5}, {"id": F.FILTER_LZMA2}],
             [{"id": F.FILTER_X86}] * 5, [{"id": F.FILTER_X86}] * 4,
             [{"id": F.FILTER_LZMA2}, {"id": F.FILTER_X86}], ({"id": F.FILTER_LZMA2},)):
    print(repr(spec)[:70])
    show(lambda: LZMACompressor(filters=spec))
class M:
    def __getitem__(self, k):
        if k == "id":
            return F.FILTER_LZMA2
        raise KeyError(k)
import collections
class UD(collections.UserDict):
    pass
class D(dict):
    pass
for chain in ({}, {"id": F.FILTER_LZMA2}, D(), UD(), iter([]), {1, 2}, {1, 2, 3, 4, 5}):
    show(lambda: LZMACompressor(format=F.FORMAT_RAW, filters=chain))
show(lambda: LZMADecompressor(format=F.FORMAT_RAW, filters={}))
show(lambda: LZMACompressor(filters=[M()]))
show(lambda: LZMACompressor(filters=[UD(id=F.FILTER_LZMA2)]))
show(lambda: LZMACompressor(filters=[D(id=F.FILTER_LZMA2, preset=1)]))
show(lambda: LZMACompressor(format=F.FORMAT_ALONE, filters=[{"id": F.FILTER_LZMA2}]))
show(lambda: LZMACompressor(format=F.FORMAT_ALONE, filters=[{"id": F.FILTER_LZMA1}, {"id": F.FILTER_X86}]))
show(lambda: LZMACompressor(format=F.FORMAT_RAW, filters=[{"id": F.FILTER_LZMA1}]))

print("== decompressor state")
full = lzma.compress(TEXT)
d = LZMADecompressor()
print(d.check, d.eof, d.needs_input, d.unused_data)
out = d.decompress(full[:100])
print(len(out), d.check, d.eof, d.needs_input)
out += d.decompress(full[100:] + b"junk")
print(out == TEXT, d.eof, d.needs_input, d.unused_data)
show(lambda: d.decompress(b"more"))
print(d.unused_data)
d.__init__()
print(d.eof, d.needs_input, d.unused_data, d.check)
show(lambda: d.decompress(b""))
d = LZMADecompressor()
show(lambda: d.decompress(b"garbage data here"))
show(lambda: d.decompress(b"x"))
print(d.eof, d.needs_input, d.unused_data, d.check)
d = LZMADecompressor(memlimit=1024)
show(lambda: d.decompress(full))
d = LZMADecompressor(format=F.FORMAT_ALONE)
show(lambda: d.decompress(full))
d = LZMADecompressor(format=F.FORMAT_XZ)
show(lambda: d.decompress(lzma.compress(b"x", format=F.FORMAT_ALONE)))
corrupt = bytearray(full)
corrupt[len(corrupt) // 2] ^= 0xFF
show(lambda: lzma.decompress(bytes(corrupt)))
show(lambda: lzma.decompress(full[:-5]))
show(lambda: lzma.decompress(b"not xz"))
print(lzma.decompress(lzma.compress(b"one ") + lzma.compress(b"two", check=F.CHECK_NONE)))
show(lambda: lzma.decompress(lzma.compress(b"one ") + b"\0" * 8))
show(lambda: lzma.decompress(lzma.compress(b"one ") + b"trailing junk"))

print("== max_length streaming")
for chunk, limit in ((len(full), 10000), (1000, 4096), (7, 100000), (len(full), 0)):
    d = LZMADecompressor()
    pos = 0
    got = []
    calls = 0
    states = set()
    while not d.eof and calls < 100000:
        calls += 1
        if d.needs_input:
            feed = full[pos:pos + chunk]
            pos += len(feed)
        else:
            feed = b""
        if limit == 0 and calls > 2:
            limit = 5000
        piece = d.decompress(feed, limit)
        assert limit < 0 or len(piece) <= limit
        got.append(piece)
        states.add((d.needs_input, d.eof))
    print(chunk, limit, b"".join(got) == TEXT, sorted(states))
d = LZMADecompressor()
print(len(d.decompress(full, len(TEXT))), d.eof, d.needs_input)
d = LZMADecompressor()
print(len(d.decompress(full, len(TEXT) - 1)), d.eof, d.needs_input)
print(len(d.decompress(b"", 0)), d.eof, d.needs_input)
print(len(d.decompress(b"")), d.eof, d.needs_input)
d = LZMADecompressor()
print(len(d.decompress(full, 1)), d.needs_input, len(d.decompress(b"tail", -1)), d.eof, d.unused_data)
show(lambda: d.decompress(b"", 5))

print("== functions")
show(lambda: _lzma.is_check_supported(F.CHECK_SHA256))
show(lambda: _lzma.is_check_supported(2))
show(lambda: _lzma.is_check_supported())
show(lambda: _lzma.is_check_supported("a"))
show(lambda: _lzma.is_check_supported(check_id=1))
for spec in ({"id": F.FILTER_LZMA2}, {"id": F.FILTER_LZMA1}, {"id": F.FILTER_DELTA, "dist": 5},
             {"id": F.FILTER_X86, "start_offset": 5}, {"id": F.FILTER_X86}, {"id": 99}, 3,
             {"id": F.FILTER_LZMA1, "lc": 9},
             {"id": F.FILTER_LZMA1, "dict_size": 2 ** 20, "lc": 1, "lp": 2, "pb": 1}):
    show(lambda: _lzma._encode_filter_properties(spec))
for fid, props in ((F.FILTER_LZMA2, b"\x16"), (F.FILTER_LZMA1, b"]\x00\x00\x80\x00"),
                   (F.FILTER_LZMA1, b"@\x00\x00\x10\x00"), (F.FILTER_DELTA, b"\x04"),
                   (F.FILTER_X86, b"\x05\x00\x00\x00"), (F.FILTER_SPARC, b"\x00\x00\x00\x01"),
                   (F.FILTER_LZMA2, b"\xff"), (F.FILTER_LZMA2, b""), (99, b""), (10, b""), (-1, b""),
                   ("a", b""), (F.FILTER_LZMA2, "a"), (F.FILTER_LZMA2, memoryview(b"\x16")),
                   (2 ** 64, b"")):
    show(lambda: _lzma._decode_filter_properties(fid, props))
show(lambda: _lzma._decode_filter_properties(F.FILTER_LZMA2))
show(lambda: _lzma._decode_filter_properties(filter_id=1, encoded_props=b""))
show(lambda: _lzma._encode_filter_properties())
show(lambda: _lzma._encode_filter_properties(filter={"id": 4}))

print("== LZMAFile")
buf = io.BytesIO()
with lzma.LZMAFile(buf, "w", preset=2) as f:
    f.write(TEXT)
    f.writelines([b"tail 1\n", b"tail 2\n"])
raw = buf.getvalue()
print(lzma.decompress(raw) == TEXT + b"tail 1\ntail 2\n")
with lzma.LZMAFile(io.BytesIO(raw + lzma.compress(b"next stream\n", format=F.FORMAT_XZ))) as f:
    print(f.read(10), f.peek(1)[:1], f.readline())
    print(f.seekable(), f.tell())
    f.seek(-20, 2)
    print(f.read())
    f.seek(5)
    print(f.read(5))
    lines = f.readlines()
    print(len(lines), lines[-1])
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.xz")
    with lzma.open(path, "wt", encoding="utf-8", check=F.CHECK_SHA256) as f:
        f.write("héllo\nwörld\n")
    with lzma.open(path, "rt", encoding="utf-8") as f:
        print(f.read().splitlines())
    with lzma.open(path, "ab", format=F.FORMAT_ALONE) as f:
        f.write(b"appended")
    with lzma.open(path, "rb") as f:
        print(f.read())
    with open(path, "wb") as f:
        f.write(lzma.compress(TEXT)[:-50])
    with lzma.open(path) as f:
        show(f.read)
show(lambda: lzma.open(io.BytesIO(), "rb", encoding="x"))
show(lambda: lzma.LZMAFile(io.BytesIO(), "r", format=F.FORMAT_RAW))
show(lambda: lzma.LZMAFile(io.BytesIO(), "w", format=F.FORMAT_RAW))
show(lambda: lzma.LZMAFile(io.BytesIO(), "w", check=99))
show(lambda: lzma.LZMAFile(io.BytesIO(), "r", preset=3))

print("== threads")
results = {}
def work(n):
    payload = (b"%d-" % n) * 20000
    c = LZMACompressor(preset=1)
    packed = b"".join(c.compress(payload[i:i + 5000]) for i in range(0, len(payload), 5000)) + c.flush()
    results[n] = lzma.decompress(packed) == payload
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()))
shared = LZMADecompressor()
packed = lzma.compress(TEXT * 3)
pieces = []
lock = threading.Lock()
def drain():
    while True:
        with lock:
            if shared.eof:
                return
            pieces.append(shared.decompress(b"" if not shared.needs_input else packed, 1000) if not pieces else shared.decompress(b"", 1000))
ts = [threading.Thread(target=drain) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(b"".join(pieces) == TEXT * 3)


print("== filter specs that run Python code using the object being set up")
c = lzma.LZMACompressor()
class Evil(dict):
    def __getitem__(self, k):
        try:
            print("inner", len(c.compress(b"abc")) >= 0)
        except Exception as e:
            print("inner", type(e).__name__)
        return dict.__getitem__(self, k)
c.__init__(format=lzma.FORMAT_RAW, filters=[Evil(id=lzma.FILTER_LZMA2)])
print(lzma.decompress(c.compress(b"hello") + c.flush(), format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2}]))
d = lzma.LZMADecompressor()
class Evil2(dict):
    def __getitem__(self, k):
        print("inner2", d.decompress(b""))
        return dict.__getitem__(self, k)
d.__init__(format=lzma.FORMAT_RAW, filters=[Evil2(id=lzma.FILTER_LZMA2)])
print(d.check, d.eof)
