# Compress/Decompress objects: chunked streams, flush modes, max_length,
# unconsumed_tail/unused_data/eof, zdict and copy.
import zlib
import copy

data = b"".join(b"line %d: %s\n" % (i, b"abcdefghij"[: i % 10] * (i % 7)) for i in range(3000))
print(len(data))

# Streaming compression in chunks equals the one-shot result.
co = zlib.compressobj()
out = b"".join(co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)) + co.flush()
print(out == zlib.compress(data), len(out))

# Flush modes keep the stream usable; Z_FINISH ends it.
co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = []
for mode in (zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK):
    parts.append(co.compress(data[:5000]))
    f = co.flush(mode)
    print(mode, len(f), f[-4:].hex() if mode == zlib.Z_SYNC_FLUSH else "")
    parts.append(f)
parts.append(co.flush())
print(zlib.decompress(b"".join(parts), -12) == data[:5000] * 5)
print(co.flush(zlib.Z_NO_FLUSH))

# Strategies and memLevels.
for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    for mem in (1, 8, 9):
        co = zlib.compressobj(6, zlib.DEFLATED, 15, mem, strategy)
        c = co.compress(data) + co.flush()
        print(strategy, mem, len(c), zlib.decompress(c) == data)

# Streaming decompression, byte by byte.
comp = zlib.compress(data)
do = zlib.decompressobj()
got = b"".join(do.decompress(comp[i:i + 1]) for i in range(len(comp)))
print(got == data, do.eof, do.unused_data, do.unconsumed_tail)
print(do.flush(), do.eof)

# max_length: the rest waits in unconsumed_tail.
do = zlib.decompressobj()
pieces = []
chunk = do.decompress(comp, 1000)
pieces.append(chunk)
print(len(chunk), len(do.unconsumed_tail) > 0, do.eof)
while do.unconsumed_tail:
    chunk = do.decompress(do.unconsumed_tail, 1000)
    pieces.append(chunk)
print(len(pieces), max(len(p) for p in pieces), do.eof)
pieces.append(do.flush())
print(b"".join(pieces) == data, do.unconsumed_tail, do.eof)

# max_length with flush() consuming the tail.
do = zlib.decompressobj()
first = do.decompress(comp, 10)
rest = do.flush()
print(len(first), first + rest == data, do.eof, do.unconsumed_tail)

# Data after the end of the stream goes to unused_data, accumulating.
do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"payload") + b"extra"), do.eof, do.unused_data)
print(do.decompress(b"more"), do.unused_data, do.unconsumed_tail)
print(do.flush(), do.unused_data)

# A stream split across calls with trailing data in the second call.
c = zlib.compress(b"split stream")
do = zlib.decompressobj()
print(do.decompress(c[:5]), do.eof, do.decompress(c[5:] + b"tail"), do.eof, do.unused_data)

# Truncated input: decompress() gives what it can, flush() does not complain.
do = zlib.decompressobj()
part = do.decompress(comp[: len(comp) // 2])
print(data.startswith(part), do.eof, len(do.flush()) >= 0, do.eof)

# gzip and raw streams through objects, and automatic header detection.
for wbits in (31, -15, 47):
    co = zlib.compressobj(wbits=31 if wbits == 47 else wbits)
    c = co.compress(data) + co.flush()
    do = zlib.decompressobj(wbits)
    print(wbits, do.decompress(c) == data, do.eof)

# zdict on both sides.
zd = b"line abcdefghij"
co = zlib.compressobj(zdict=zd)
c = co.compress(data[:2000]) + co.flush()
print(len(c), zlib.decompressobj(zdict=zd).decompress(c) == data[:2000])
do = zlib.decompressobj(zdict=bytearray(zd))
print(b"".join(do.decompress(c[i:i + 10]) for i in range(0, len(c), 10)) == data[:2000])
co = zlib.compressobj(wbits=-15, zdict=memoryview(zd))
c = co.compress(data[:2000]) + co.flush()
print(zlib.decompressobj(-15, zd).decompress(c) == data[:2000])

# copy(): both branches continue independently.
co = zlib.compressobj()
head = co.compress(data[:3000])
co2 = co.copy()
co3 = copy.copy(co)
co4 = copy.deepcopy(co)
a = head + co.compress(b"AAAA") + co.flush()
b = head + co2.compress(b"BBBB") + co2.flush()
print(zlib.decompress(a)[-8:], zlib.decompress(b)[-8:], type(co3).__name__, type(co4).__name__)
do = zlib.decompressobj()
x = do.decompress(a[:100], 50)
do2 = do.copy()
print(len(x), do2.unconsumed_tail == do.unconsumed_tail, len(do2.unconsumed_tail), do2.eof)
r1 = x + do.decompress(do.unconsumed_tail + a[100:]) + do.flush()
r2 = x + do2.decompress(do2.unconsumed_tail + a[100:]) + do2.flush()
print(r1 == r2 == data[:3000] + b"AAAA")
do = zlib.decompressobj()
do.decompress(zlib.compress(b"end") + b"!")
d3 = copy.deepcopy(do)
print(d3.eof, d3.unused_data, d3.unconsumed_tail)

# A large input (several MiB) in one call and streamed.
big = bytes(range(256)) * 40000 + b"z" * 5_000_000
c = zlib.compress(big, 1)
print(len(big), len(c), zlib.crc32(c))
print(zlib.decompress(c) == big)
do = zlib.decompressobj()
out = []
for i in range(0, len(c), 65536):
    out.append(do.decompress(c[i:i + 65536]))
print(sum(map(len, out)) == len(big), do.eof)
# Highly compressible data expands a lot from a small input.
zeros = zlib.compress(bytes(50_000_000))
print(len(zeros), len(zlib.decompress(zeros)))

# Leftover input at the end of the stream after a max_length cut: CPython
# stores it in unused_data and, when a tail was pending, in unconsumed_tail too.
c = zlib.compress(b"abc" * 100)
do = zlib.decompressobj()
print(do.decompress(c + b"xyz", 5), do.unconsumed_tail[-3:])
print(len(do.flush()), do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
do.decompress(c + b"xyz", 5)
print(len(do.decompress(do.unconsumed_tail)), do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b"more"), do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
do.decompress(c + b"xyz", 5)
print(len(do.decompress(do.unconsumed_tail, 1000)), do.unused_data, do.unconsumed_tail)
print(do.decompress(b"", 3), do.unused_data, do.unconsumed_tail)
