# zlib one-shot functions, checksums and constants.
import zlib

samples = [b"", b"a", b"hello world", b"abc" * 1000, bytes(range(256)) * 40,
           "Unicode text \u00e9\u4e2d\u6587 ".encode("utf-8") * 50]

for data in samples:
    for level in (-1, 0, 1, 6, 9):
        c = zlib.compress(data, level)
        assert zlib.decompress(c) == data
        print(len(data), level, len(c), c[:12].hex(), zlib.crc32(c))
print(zlib.compress(b"hello world"))
print(zlib.compress(b"hello world", level=9))
print(zlib.compress(b"hello world", 1, wbits=-15))
print(zlib.compress(b"hello world", wbits=9))

# wbits: raw deflate, zlib header, gzip header (31) and automatic detection (47).
data = b"The quick brown fox jumps over the lazy dog. " * 20
for wbits in (-15, -9, 9, 12, 15, 25, 31):
    c = zlib.compress(data, wbits=wbits)
    print(wbits, len(c), zlib.decompress(c, wbits=wbits) == data)
    if wbits > 0:
        print("  auto", zlib.decompress(c, wbits=47) == data, zlib.decompress(c, 32 + 15) == data)
gz = zlib.compress(data, wbits=31)
print(gz[:3].hex(), zlib.decompress(gz, 31)[:20])

# bufsize only changes the starting output size.
for bufsize in (0, 1, 7, 16384, 10**6):
    print(bufsize, zlib.decompress(zlib.compress(data), bufsize=bufsize) == data)

# Data after the end of the stream is ignored by the one-shot function.
print(zlib.decompress(zlib.compress(b"payload") + b"trailing junk"))

# Bytes-like arguments.
for obj in (bytearray(b"bytes-like"), memoryview(b"bytes-like"), memoryview(b"xxbytes-likexx")[2:-2]):
    c = zlib.compress(obj)
    print(type(obj).__name__, c, zlib.decompress(bytearray(c)), zlib.decompress(memoryview(c)))
    print(zlib.crc32(obj), zlib.adler32(obj))

# Checksums: defaults, running values and masking of the start value.
print(zlib.crc32(b""), zlib.adler32(b""))
print(zlib.crc32(b"hello"), zlib.adler32(b"hello"))
print(zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b"hello world"))
print(zlib.adler32(b"world", zlib.adler32(b"hello ")), zlib.adler32(b"hello world"))
print(zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**40), zlib.crc32(b"abc", 2**32 + 5))
print(zlib.adler32(b"abc", -1), zlib.adler32(b"abc", 0), zlib.adler32(b"abc", 2**100 + 3))
print(zlib.crc32(b"x" * 100000), zlib.adler32(b"x" * 100000))
import binascii
print(zlib.crc32(b"consistency") == binascii.crc32(b"consistency"))

# Constants.
for name in ["MAX_WBITS", "DEFLATED", "DEF_MEM_LEVEL", "DEF_BUF_SIZE", "Z_NO_COMPRESSION", "Z_BEST_SPEED",
             "Z_BEST_COMPRESSION", "Z_DEFAULT_COMPRESSION", "Z_FILTERED", "Z_HUFFMAN_ONLY", "Z_RLE", "Z_FIXED",
             "Z_DEFAULT_STRATEGY", "Z_NO_FLUSH", "Z_PARTIAL_FLUSH", "Z_SYNC_FLUSH", "Z_FULL_FLUSH", "Z_FINISH",
             "Z_BLOCK", "Z_TREES"]:
    print(name, getattr(zlib, name))
print(type(zlib.ZLIB_VERSION), type(zlib.ZLIB_RUNTIME_VERSION), zlib.ZLIB_VERSION.count(".") >= 2)
print(zlib.ZLIB_RUNTIME_VERSION[0] == zlib.ZLIB_VERSION[0])
print(sorted(n for n in dir(zlib) if not n.startswith("_")))
print(zlib.error, zlib.error.__module__, zlib.error.__mro__)
print(type(zlib.compressobj()), type(zlib.decompressobj()))
print(type(zlib.compressobj()).__module__, type(zlib.decompressobj()).__name__)
