# zlib's exceptions and messages.
import zlib


def attempt(f):
    try:
        r = f()
        print("ok", repr(r)[:80])
    except Exception as e:
        print(type(e).__name__, e)


good = zlib.compress(b"hello hello hello")
attempt(lambda: zlib.decompress(b"not compressed"))
attempt(lambda: zlib.decompress(good[:-3]))
attempt(lambda: zlib.decompress(good[:1]))
attempt(lambda: zlib.decompress(b""))
attempt(lambda: zlib.decompress(good[:2] + b"\xff" * 10))
attempt(lambda: zlib.decompress(good, -15))
attempt(lambda: zlib.decompress(good, 31))
attempt(lambda: zlib.decompress(good, wbits=100))
attempt(lambda: zlib.decompress(good, 8))
attempt(lambda: zlib.decompress(good, bufsize=-1))
attempt(lambda: zlib.decompress(good, 15, 2**70))
attempt(lambda: zlib.decompress(good, wbits=1.5))
attempt(lambda: zlib.compress(b"", level=10))
attempt(lambda: zlib.compress(b"", level=-2))
attempt(lambda: zlib.compress(b"", wbits=100))
attempt(lambda: zlib.compress(b"", 2**40))
attempt(lambda: zlib.compress("text"))
attempt(lambda: zlib.compress(None))
attempt(lambda: zlib.compress(memoryview(b"abcdef")[::2]))
attempt(lambda: zlib.compress())
attempt(lambda: zlib.compress(data=b""))
attempt(lambda: zlib.compress(b"", 1, 2, 3))
attempt(lambda: zlib.compress(b"", foo=1))
attempt(lambda: zlib.decompress())
attempt(lambda: zlib.decompress(b"", 1, 2, 3))
attempt(lambda: zlib.crc32())
attempt(lambda: zlib.crc32("text"))
attempt(lambda: zlib.crc32(b"", 1, 2))
attempt(lambda: zlib.crc32(b"", value=2))
attempt(lambda: zlib.adler32(data=b""))
attempt(lambda: zlib.adler32(b"", 1.0))

# Constructor options.
attempt(lambda: zlib.compressobj(level=10))
attempt(lambda: zlib.compressobj(method=9))
attempt(lambda: zlib.compressobj(wbits=100))
attempt(lambda: zlib.compressobj(memLevel=10))
attempt(lambda: zlib.compressobj(memLevel=0))
attempt(lambda: zlib.compressobj(strategy=9))
attempt(lambda: zlib.compressobj(zdict=1))
attempt(lambda: zlib.compressobj(zdict="text"))
attempt(lambda: zlib.compressobj(1, 8, 15, 8, 0, b"", 5))
attempt(lambda: zlib.compressobj(foo=1))
attempt(lambda: zlib.decompressobj(wbits=100))
attempt(lambda: type(zlib.decompressobj(wbits=-8)).__name__)
attempt(lambda: zlib.decompressobj(zdict=1))
attempt(lambda: zlib.decompressobj(zdict="text"))
attempt(lambda: zlib.decompressobj(1, 2, 3))
attempt(lambda: zlib.decompressobj(foo=3))
attempt(lambda: type(zlib.compressobj())())
attempt(lambda: type(zlib.decompressobj())())

# Methods.
co = zlib.compressobj()
attempt(lambda: co.compress())
attempt(lambda: co.compress(b"", b""))
attempt(lambda: co.compress(data=b""))
attempt(lambda: co.compress("text"))
attempt(lambda: co.flush(1, 2))
attempt(lambda: co.flush(mode=1))
attempt(lambda: co.flush(7))
attempt(lambda: co.copy(1))
co = zlib.compressobj()
co.compress(b"abc")
print(co.flush())
attempt(lambda: co.compress(b"more"))
attempt(lambda: co.flush())
attempt(lambda: co.flush(zlib.Z_SYNC_FLUSH))
attempt(lambda: co.flush(zlib.Z_NO_FLUSH))
attempt(lambda: co.copy())

do = zlib.decompressobj()
attempt(lambda: do.decompress())
attempt(lambda: do.decompress(data=b""))
attempt(lambda: do.decompress(b"", 1, 2))
attempt(lambda: do.decompress(b"", foo=2))
attempt(lambda: do.decompress(b"x", -1))
attempt(lambda: do.decompress(b"x", max_length=-1))
attempt(lambda: do.decompress(b"x", 2**70))
attempt(lambda: do.decompress(b"", max_length=None))
attempt(lambda: do.flush(0))
attempt(lambda: do.flush(-1))
attempt(lambda: do.flush(1, 2))
attempt(lambda: do.flush(length=2))
attempt(lambda: do.__deepcopy__())
do = zlib.decompressobj()
attempt(lambda: do.decompress(b"garbage!"))
do = zlib.decompressobj()
do.decompress(good)
print(do.flush(), do.eof)
attempt(lambda: do.decompress(b"x"))
attempt(lambda: do.flush())
attempt(lambda: do.copy())


def setattr_eof():
    zlib.decompressobj().eof = True


def setattr_unused():
    zlib.decompressobj().unused_data = b""


attempt(setattr_eof)
attempt(setattr_unused)

# Dictionaries.
co = zlib.compressobj(zdict=b"hello")
needs_dict = co.compress(b"hello hello") + co.flush()
attempt(lambda: zlib.decompress(needs_dict))
attempt(lambda: zlib.decompressobj().decompress(needs_dict))
attempt(lambda: zlib.decompressobj(zdict=b"hellx").decompress(needs_dict))
attempt(lambda: zlib.decompressobj(zdict=b"hello").decompress(needs_dict))
attempt(lambda: zlib.decompressobj(zdict=b"abc").decompress(zlib.compress(b"x")))

# zlib.error is an ordinary exception class.
e = zlib.error("custom")
print(repr(e), isinstance(e, Exception), zlib.error.__name__, zlib.error.__qualname__)
try:
    zlib.decompress(b"\x78\x9c\x00")
except zlib.error as exc:
    print("caught", exc.args)
