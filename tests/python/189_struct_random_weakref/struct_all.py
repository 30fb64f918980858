# _struct: every format character, byte order, alignment and error message.
import _struct as struct

print(struct.pack("<ih", 1, 2), struct.pack(">ih", 1, 2), struct.pack("@bi", 1, 2), struct.pack("=bi", 1, 2), struct.pack("!H", 258))
print(struct.calcsize("@bi"), struct.calcsize("@ib"), struct.calcsize("@llh0l"), struct.calcsize("<qh"), struct.calcsize("ii i"), struct.calcsize("4s3p"))
vals = struct.pack("<cbB?hHiIlLqQefd", b"x", -1, 255, True, -2, 65535, -3, 2**32 - 1, -4, 5, -2**63, 2**64 - 1, 1.5, 0.1, -2.25)
print(vals.hex(), struct.unpack("<cbB?hHiIlLqQefd", vals))
print(struct.pack("@nNP", -1, 2**64 - 1, 12).hex(), struct.unpack("@nNP", struct.pack("@nNP", -5, 7, 9)))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcd"), struct.pack("5p", b"abc"), struct.pack("2p", b"abc"), struct.unpack("3p", b"\x05ab"), struct.pack("0s"))
print(struct.pack("e", 65504.0), struct.unpack("<e", b"\x00<"), struct.unpack("<e", b"\x01\x00"), struct.pack("<e", float("inf")), struct.pack(">e", -0.0), struct.pack("<e", 1e-8))
print(struct.pack(">d", -0.0), struct.pack("<f", 3.14), struct.unpack("<f", struct.pack("<f", 3.14)), struct.pack("3x"), struct.pack("x?x", 0))
print(struct.pack("<i", True), struct.pack("<H", 7), struct.unpack(">q", b"\xff" * 8))
tests = [("b", 200), ("B", -1), ("h", 70000), ("H", -1), ("i", 2**31), ("I", -1), ("l", 2**63), ("L", -1),
         ("q", 2**63), ("Q", -1), ("<i", 2**31), ("<I", 2**32), ("<l", 2**31), ("<q", 2**63), (">h", 2**15),
         (">H", 2**16), (">q", 2**63), ("<H", 2**16), ("b", "a"), ("i", 1.5), ("e", 1e10), ("<f", 1e300),
         ("d", "x"), ("c", b"ab"), ("s", "x"), ("p", 1), ("<n", 1), ("3x", 1), ("I", 2**70), ("i", -2**70)]
for f, v in tests:
    try:
        print(f, struct.pack(f, v))
    except Exception as e:
        print(f, type(e).__name__, e)
for f in ["3", "zz", "<P", "i0"]:
    try:
        struct.calcsize(f)
    except struct.error as e:
        print(repr(f), e)
for call in [lambda: struct.pack("i", 1, 2), lambda: struct.pack("ii", 1), lambda: struct.unpack("i", b"123"),
             lambda: struct.unpack_from("i", b"123", 1), lambda: struct.unpack_from("i", b"12345", -1),
             lambda: struct.unpack_from("i", b"12345", -10), lambda: list(struct.iter_unpack("i", b"12345")),
             lambda: struct.iter_unpack("", b"")]:
    try:
        call()
    except struct.error as e:
        print(e)
ba = bytearray(8)
struct.pack_into("<hh", ba, 2, 1, -1); print(ba)
struct.pack_into("<h", ba, -2, 0x4142); print(ba)
for off in [7, -1, -10, 10]:
    try:
        struct.pack_into("i", ba, off, 1)
    except struct.error as e:
        print(e)
print(struct.unpack_from("<h", ba, 2), struct.unpack_from("<h", ba, offset=-2), struct.unpack_from("<h", b"\x01\x02\x03"))
s = struct.Struct("<ih")
print(s.format, s.size, s.pack(7, 8), s.unpack(b"\x07\x00\x00\x00\x08\x00"), struct.Struct(b"i").format)
itr = s.iter_unpack(bytes(range(12))); print(itr.__length_hint__(), list(itr))
print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))
print(sorted(n for n in dir(struct) if not n.startswith("__")))
