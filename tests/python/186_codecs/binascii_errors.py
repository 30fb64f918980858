# binascii: argument checking and error messages (types, ASCII-only str, limits).
import binascii

def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(f.__name__, r)

for f in (binascii.hexlify, binascii.b2a_hex, binascii.b2a_base64, binascii.b2a_uu, binascii.b2a_qp, binascii.crc32):
    t(f, 1)
    t(f, 'text')
    t(f, [1, 2])
for f in (binascii.unhexlify, binascii.a2b_hex, binascii.a2b_base64, binascii.a2b_uu, binascii.a2b_qp):
    t(f, 1)
    t(f, None)
    t(f, 'caf\xe9')
    t(f, '\u20ac')
t(binascii.crc_hqx, 'a', 0)
t(binascii.crc_hqx, b'a', 'x')
t(binascii.crc_hqx, b'a', 1.5)
t(binascii.crc32, b'a', 1.5)
t(binascii.crc32, b'a', '1')
# hex
t(binascii.unhexlify, b'abc')
t(binascii.unhexlify, b'zz')
t(binascii.unhexlify, 'g0')
t(binascii.unhexlify, b'0 ')
t(binascii.hexlify, b'abc', 1)
t(binascii.hexlify, b'abc', None)
t(binascii.hexlify, b'abc', 'ab')
t(binascii.hexlify, b'abc', '')
t(binascii.hexlify, b'abc', b'::')
t(binascii.hexlify, b'abc', '\u20ac')
t(binascii.hexlify, b'abc', [1])
t(binascii.hexlify, b'abc', '-', 1.0)
t(binascii.hexlify, b'abc', '-', 2**40)
t(binascii.hexlify, b'abc', '-', '2')
# base64
t(binascii.a2b_base64, b'YQ', strict_mode='x')
t(binascii.a2b_base64, b'YQ==', strict_mode=1.5)
t(binascii.b2a_base64, b'a', newline='x')
t(binascii.b2a_base64, b'a', newline=[])
t(binascii.a2b_base64, b'YWJjZ')
t(binascii.a2b_base64, b'YWJjZGVmZ')
t(binascii.a2b_base64, b'YQ')
t(binascii.a2b_base64, b'YQ=a', strict_mode=True)
t(binascii.a2b_base64, b'=YQ==', strict_mode=True)
t(binascii.a2b_base64, b'YQ==\n', strict_mode=True)
t(binascii.a2b_base64, b'YQ==YQ==', strict_mode=True)
t(binascii.a2b_base64, b'Y Q==', strict_mode=True)
# uu
t(binascii.b2a_uu, b'x' * 46)
t(binascii.b2a_uu, b'x' * 45)
t(binascii.b2a_uu, b'a', backtick='x')
t(binascii.a2b_uu, b'#86)C garbage')
t(binascii.a2b_uu, b'#8\x7f)C')
t(binascii.a2b_uu, b'#8\x01)C')
# qp flags
t(binascii.b2a_qp, b'a', 'x')
t(binascii.b2a_qp, b'a', istext=2.0)
t(binascii.a2b_qp, b'a', header=[])
# argument counts and keywords
t(binascii.hexlify)
t(binascii.hexlify, b'a', '-', 1, 3)
t(binascii.hexlify, data=b'a', sep=':')
t(binascii.a2b_base64, b'a', b'')
t(binascii.a2b_base64)
t(binascii.b2a_base64, b'a', True)
t(binascii.b2a_uu, b'a', True)
t(binascii.crc32, data=b'a')
t(binascii.crc32, b'a', value=3)
t(binascii.crc32)
t(binascii.crc32, b'a', 1, 2)
t(binascii.crc_hqx, b'a')
t(binascii.crc_hqx, b'a', value=3)
t(binascii.unhexlify)
t(binascii.unhexlify, b'ab', b'cd')
t(binascii.b2a_qp, b'a', quotetabs=True, istext=False, header=True)
t(binascii.b2a_qp, b'a', foo=1)
try:
    raise binascii.Error('custom')
except binascii.Error as e:
    print(repr(e), e.args)
# memoryviews: slices are fine, stepped (non-contiguous) views are refused
m = memoryview(b'abcdef')[::2]
for f in (binascii.a2b_hex, binascii.crc32, binascii.b2a_base64, binascii.a2b_base64, binascii.hexlify, binascii.b2a_qp):
    t(f, m)
print(binascii.hexlify(memoryview(b'abcdef')[1:4]), binascii.a2b_hex(memoryview(b'4142')),
      binascii.crc32(memoryview(bytearray(b'x'))))
