data = bytearray(b'abcdef')
m = memoryview(data)
print(m[0], bytes(m[1:3]), m.tobytes(), len(m), m.readonly, m.format, m.itemsize, m.nbytes)
m[0] = 90
print(data, m.tolist()[:3], bytes(m[::2]))
m2 = memoryview(b'xyz')
print(m2.readonly, m2 == b'xyz', bytes(m2[::-1]))
try:
    m2[0] = 1
except TypeError as e:
    print(e)
with memoryview(b'ctx') as mv:
    print(mv.tobytes())
print(memoryview(b'\x01\x02\x03\x04').cast('H').tolist())
