b = b'hello world'
print(b[0], b[-1], b[1:4], b[::-1], b[::2], len(b), list(b[:3]), b + b'!', b * 2, b'lo' in b, 111 in b)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes('é', 'utf-8'), bytes(b'copy'), bytes(bytearray(b'ba')))
print(b.upper(), b.title(), b.split(), b.split(b'o'), b.replace(b'l', b'L'), b.find(b'o'), b.rfind(b'o'), b.count(b'l'))
print(b.startswith(b'he'), b.endswith(b'ld'), b.strip(b'hd'), b' x '.strip(), b.center(15, b'*'), b.zfill(13))
print(b.hex(), b.hex(':'), b.hex(' ', 2), bytes.fromhex('de ad be ef'), b'\x00\xff'.hex())
print(b'-'.join([b'a', b'b']), b.partition(b' '), b.isalpha(), b'123'.isdigit(), b'abc'.islower(), b'  '.isspace())
print(b.decode(), b.decode('ascii'), str(b), repr(b'\x00\n\'"'), b == bytearray(b), hash(b) == hash(b'hello world'))
for bad in [lambda: bytes([256]), lambda: bytes('x'), lambda: b'a' + 'b', lambda: b[100], lambda: bytes(-1)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
