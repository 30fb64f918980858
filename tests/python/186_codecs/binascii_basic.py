# binascii: every conversion and checksum on ordinary and edge-case inputs.
import binascii

data = bytes(range(0, 256, 7))
# hex, with separators grouped from the right (positive) or the left (negative)
print(binascii.hexlify(b'\x00\x01\xfe\xff'), binascii.b2a_hex(b''), binascii.hexlify(bytearray(b'ab')))
for n in (1, 2, 3, -1, -2, -3, 0, 10, -10):
    print(n, binascii.hexlify(b'abcdefg', '-', n), binascii.b2a_hex(b'abcdefg', b':', n))
print(binascii.hexlify(b'abc', sep='.'), binascii.hexlify(data=b'abc', sep=b' ', bytes_per_sep=-2))
print(binascii.hexlify(b'abc', '\xe9'), binascii.hexlify(b'', ':', 1), binascii.hexlify(b'a', ':', 1))
print(binascii.unhexlify(b'0001feFF'), binascii.a2b_hex('41424344'), binascii.unhexlify(bytearray(b'')))
print(binascii.unhexlify(memoryview(b'7a7A')), binascii.unhexlify(binascii.hexlify(data)) == data)
# base64
for d in [b'', b'a', b'ab', b'abc', b'abcd', b'\xff\xfe\xfd', data]:
    enc = binascii.b2a_base64(d)
    print(enc, binascii.b2a_base64(d, newline=False), binascii.a2b_base64(enc) == d)
for s in [b'YWJj', 'YWJj', b'YW Jj\n', b'YQ==', b'YQ', b'YQ=', b'YWI=', b'YWI', b'Y W I =', b'YQ==YWJj', b'YQ===',
          b'!!YWJj!!', b'', b'====', b'YQ=a=', b'YW=Jj', b'YWJjZA=', b'YWJjZA==', b'YWJjZ', b'Y', b'YWJjZGVmZ']:
    for strict in (False, True):
        try:
            r = binascii.a2b_base64(s, strict_mode=strict)
        except binascii.Error as e:
            r = 'Error: %s' % e
        print(repr(s), strict, r)
# checksums
for d in [b'', b'a', b'hello world', data, bytearray(b'xyz'), memoryview(b'123456789')]:
    print(binascii.crc32(d), binascii.crc32(d, 1), binascii.crc32(d, -1), binascii.crc32(d, 2**40 + 3),
          binascii.crc_hqx(d, 0), binascii.crc_hqx(d, 0xffff), binascii.crc_hqx(d, 0x12345), binascii.crc_hqx(d, -1))
crc = 0
for chunk in (b'hello', b' ', b'world'):
    crc = binascii.crc32(chunk, crc)
print(crc == binascii.crc32(b'hello world'), binascii.crc32(b'a', True))
# uuencode
for d in [b'', b'a', b'ab', b'abc', b'\x00\x00\x00', b'Cat', data[:45]]:
    e1, e2 = binascii.b2a_uu(d), binascii.b2a_uu(d, backtick=True)
    print(e1, e2, binascii.a2b_uu(e1) == d, binascii.a2b_uu(e2) == d)
for s in [b'', '', b'\n', b'!', b'#86)C\n', b'#86)C  \n', b'#86)C``\r\n', b'&86)C', b'`', b' ', b'$86)C']:
    print(repr(s), binascii.a2b_uu(s))
# quoted-printable
qp_in = [b'hello', b'a=b', b'tab\tend\t', b'space end ', b'line1\nline2 \nline3', b'crlf\r\nline \r\nx',
         b'.', b'.\nx', b'a\n.\n', b'\x00\x01\x7f\x80\xff', b'under_score and space', b'x' * 80, b'y' * 75 + b'\n',
         b'z' * 74 + b'==', b'\r', b'a\rb', b'trail\t\n', b'ab\r\ncd\nef']
for d in qp_in:
    print(repr(d))
    print('  ', binascii.b2a_qp(d), binascii.b2a_qp(d, quotetabs=True), binascii.b2a_qp(d, istext=False),
          binascii.b2a_qp(d, header=True), binascii.b2a_qp(d, True, False, True))
for s in [b'a=3Db', b'a=3db', b'soft=\nbreak', b'soft=\r\nbreak', b'soft=\rbreak\nnext', b'a==b', b'a=', b'a=4',
          b'a=zz', b'a=4g', b'under_score', 'str=41', b'=\n', b'x=\r']:
    print(repr(s), binascii.a2b_qp(s), binascii.a2b_qp(s, header=True), binascii.a2b_qp(data=s, header=1))
print(binascii.a2b_qp(binascii.b2a_qp(data)) == data, binascii.a2b_qp(binascii.b2a_qp(data, True, False, True), True) == data)
# module surface
print(sorted(n for n in dir(binascii) if not n.startswith('_')))
print(binascii.Error.__module__, binascii.Error.__name__, binascii.Error.__mro__)
print(binascii.Incomplete.__module__, binascii.Incomplete.__mro__)
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, ValueError))
try:
    binascii.unhexlify('abc')
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, binascii.Error))
