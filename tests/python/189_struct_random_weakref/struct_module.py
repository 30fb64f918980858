# struct.py (a re-export of _struct)
import struct
print(struct.pack(">HHl", 1, 2, 3), struct.unpack("<2h", b"\x01\x00\x02\x00"), struct.calcsize("=qi"))
s = struct.Struct("!I2s")
print(s.pack(1, b"ab"), s.unpack(s.pack(9, b"zz")), struct.error)
try:
    struct.unpack("I", b"")
except struct.error as e:
    print("error:", e)
