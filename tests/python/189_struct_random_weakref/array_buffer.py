# array.array and the buffer protocol: memoryview, bytes(), struct.pack_into/unpack_from, files.
import array, os, struct, tempfile

a = array.array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.tolist(), m.readonly, m[1], m[-1])
m[0] = 7
print(a, bytes(a), bytearray(a))
print(m[1:].tolist(), m.cast('B').tolist()[:8])
struct.pack_into('i', a, 4, 99)
print(a, struct.unpack_from('ii', a, 4), struct.unpack('iii', a))
print(memoryview(array.array('d', [1.5, -2.0])).tolist(), memoryview(array.array('B', b'xy')).tobytes())
print(bytes(array.array('h', [1, -1])), b'ab' + bytes(array.array('b', [99])))
m.release()  # CPython refuses to resize an array while a view is exported
a.append(5)
print(a)
print(memoryview(a).tolist())
print(array.array('b', memoryview(b'\x01\x02')), array.array('B', bytes(array.array('B', [4, 5]))))
b = bytearray(8)
b[0:4] = array.array('i', [0x01020304])
print(b)
h = array.array('H', b'\x01\x02\x03\x04')
print(h, h.tobytes() == bytes(memoryview(h)))

path = os.path.join(tempfile.mkdtemp(), 'arr.bin')
with open(path, 'wb') as f:
    array.array('i', range(5)).tofile(f)
with open(path, 'rb') as f:
    r = array.array('i')
    r.fromfile(f, 3)
    print(r)
    try:
        r.fromfile(f, 5)
    except EOFError as e:
        print('EOFError', e, r)
with open(path, 'rb') as f:
    try:
        r.fromfile(f, -1)
    except ValueError as e:
        print('ValueError', e)
print(os.path.getsize(path))
os.remove(path)
