import struct
packed = struct.pack('>IhB?', 1, -2, 255, True)
print(packed, len(packed), struct.unpack('>IhB?', packed), struct.calcsize('>IhB?'), struct.calcsize('@IhB?'))
print(struct.pack('<d', 1.5), struct.unpack('<d', struct.pack('<d', 1.5)), struct.pack('<f', 0.1), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.pack('3s5s', b'abcdef', b'xy'), struct.pack('<q', -1), struct.unpack('<Q', b'\xff' * 8), struct.pack('>H', 0xABCD))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')), struct.pack('!i', 7), struct.pack('2c', b'a', b'b'), struct.pack('<e', 1.5))
s = struct.Struct('<HH')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x03\x00\x04\x00'))
buf = bytearray(8)
struct.pack_into('<I', buf, 2, 0xdeadbeef); print(buf, struct.unpack_from('<I', buf, 2))
for fmt, args in [('b', (200,)), ('<I', (-1,)), ('i', ('x',)), ('<h', (1, 2))]:
    try:
        struct.pack(fmt, *args)
    except struct.error as e:
        print(fmt, 'struct.error:', e)
try:
    struct.unpack('<I', b'12')
except struct.error as e:
    print(e)
