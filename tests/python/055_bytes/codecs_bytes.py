import base64, binascii, zlib
data = b'Hello, gilpy! \x00\xff'
print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)) == data, base64.urlsafe_b64encode(b'\xfb\xff'))
print(base64.b16encode(b'abc'), base64.b32encode(b'abc'), base64.a85encode(b'abcd'))
print(binascii.hexlify(b'\x01\xab'), binascii.unhexlify(b'01ab'), binascii.crc32(data), zlib.crc32(b'abc'), zlib.adler32(b'abc'))
print(zlib.decompress(zlib.compress(data * 10)) == data * 10)
