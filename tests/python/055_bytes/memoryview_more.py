import re
def addr(s): return re.sub(r'0x[0-9a-f]+', '0x?', s)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b'abcdef')
m = memoryview(ba)
t(lambda: m[10]); t(lambda: m['a']); t(lambda: m.__setitem__(0, 300)); t(lambda: m.__setitem__(0, 'a'))
t(lambda: m.__setitem__(slice(0, 2), b'abc'))
t(lambda: hash(m)); t(lambda: hash(memoryview(b'ab')) == hash(b'ab'))
t(lambda: m.cast('H').cast('i')); t(lambda: memoryview(b'abc').cast('H'))
t(lambda: memoryview('abc')); t(lambda: m.strides); t(lambda: m[::-1].strides); t(lambda: m.shape)
t(lambda: memoryview(b'a').cast('c') == b'a'); t(lambda: memoryview(b'a').cast('c').tolist())
m2 = memoryview(b'xy'); m2.release()
t(lambda: len(m2)); t(lambda: addr(repr(m2))); t(lambda: m2.tobytes()); t(lambda: m2 == b'xy')
t(lambda: memoryview(b'abcd').cast('H') == memoryview(b'abcd').cast('H')); t(lambda: list(memoryview(b'ab')))
t(lambda: m.hex(':')); t(lambda: m.hex()); t(lambda: m.toreadonly().readonly)
t(lambda: memoryview(b'ab')[0:1].c_contiguous); t(lambda: m[::2].contiguous); t(lambda: m[::2].tobytes())
t(lambda: m.cast('x')); t(lambda: memoryview(b'abc')[0]); t(lambda: memoryview(b'abc').__setitem__(0, 1))
t(lambda: m.__delitem__(0)); t(lambda: m.obj is ba); t(lambda: m.ndim); t(lambda: m.nbytes)
m[1:3] = b'XY'
print(ba, bytes(m[::-1]), bytearray(m[1:4]), m[-1], m[2:5][1], m[::2][1:][0])
m[::2] = b'123'
print(ba, m.tolist())
m[0:2] = memoryview(b'zz')
print(ba, addr(repr(m))[:10])
v = memoryview(b'\x00\x01\x02\x03\x04\x05\x06\x07')
print(v.cast('I').tolist(), v.cast('Q').tolist(), v.cast('h')[1], v.cast('b').tolist()[:3])
f = memoryview(bytearray(8)).cast('d')
f[0] = 1.5
print(f.tolist(), f.format, f.itemsize, f.nbytes, len(f), bytes(f.cast('B'))[-2:])
print(b'abc' == memoryview(b'abc'), bytearray(b'abc') == memoryview(b'abc'), memoryview(b'abc') != b'abd')
with memoryview(bytearray(b'q')) as mv:
    mv[0] = ord('r')
    print(mv.tobytes(), mv.readonly)
t(lambda: mv[0])
print(b''.join([memoryview(b'ab'), memoryview(b'cd')[1:]]), len(memoryview(b'')), memoryview(b'').tolist())
