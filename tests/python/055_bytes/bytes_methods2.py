b = b'The Quick Brown Fox'
print(b.lower(), b.upper(), b.capitalize(), b.center(25, b'-'), b.count(b'o'), b.split(maxsplit=2))
print(b.startswith((b'x', b'The')), b.endswith(b'Fox', 0, 19), b.find(b'Q', 5), b.rindex(b'o'), b.isascii())
print(bytes.fromhex('00 01 0a'), b''.join([b'x', bytearray(b'y'), memoryview(b'z')]), b.rpartition(b' '))
print(b'abc'.decode('utf-16-le', 'replace') != '', b'caf\xc3\xa9'.decode(), b'caf\xe9'.decode('latin-1'))
