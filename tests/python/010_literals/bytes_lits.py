# Bytes literals.
print(b'abc', B"abc", rb'\n', Rb'\x00', br'raw', bR'x')
print(b'\x00\xff\n\t', b'\101', list(b'AZ'))
print(b'con' b'cat', len(b'\\'), b"'", b'"', b'\'"')
print(b'''triple
bytes''')
print(repr(b'\x7f\x80'), b'abc'[0], b'abc'[1:])
