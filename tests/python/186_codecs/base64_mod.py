# base64, quopri and the bytes-to-bytes codecs (all built on binascii).
import base64, binascii, codecs, quopri, io

samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xfb\xff\xfe']
for d in samples:
    e = base64.b64encode(d)
    print(e[:40], base64.b64decode(e) == d, base64.standard_b64encode(d) == e)
    u = base64.urlsafe_b64encode(d)
    print(u[:40], base64.urlsafe_b64decode(u) == d)
    print(base64.b32encode(d)[:40], base64.b32decode(base64.b32encode(d)) == d,
          base64.b32hexencode(d)[:40], base64.b32hexdecode(base64.b32hexencode(d)) == d)
    print(base64.b16encode(d)[:40], base64.b16decode(base64.b16encode(d)) == d,
          base64.b16decode(base64.b16encode(d).lower(), casefold=True) == d)
    print(base64.b85encode(d)[:40], base64.b85decode(base64.b85encode(d)) == d,
          base64.b85encode(d, pad=True)[:20])
    print(base64.a85encode(d)[:40], base64.a85decode(base64.a85encode(d)) == d,
          base64.a85encode(d, adobe=True)[:20], base64.a85decode(base64.a85encode(d, adobe=True), adobe=True) == d)
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'))
print(base64.b64decode('Zm9v'), base64.b64decode(b'Zm9v\nYmFy'), base64.b64decode(bytearray(b'Zm8=')))
print(base64.b32decode(b'mzxw6===', casefold=True), base64.b32decode(b'MZXW6===', map01=b'L') == b'foo')
print(base64.a85encode(b'\0\0\0\0    ', foldspaces=True), base64.a85encode(b'x' * 40, wrapcol=20))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(base64.encodebytes(b'x' * 100)) == b'x' * 100)
for bad, f, kw in [(b'Zm9', base64.b64decode, {}), (b'Zm9v!', base64.b64decode, {'validate': True}),
                   (b'Zm9vY', base64.b64decode, {}), (b'MZXW6==', base64.b32decode, {}),
                   (b'MZXW1===', base64.b32decode, {}), (b'0G', base64.b16decode, {}), (b'ab', base64.b16decode, {}),
                   (b'abc', base64.b16decode, {}), ('\xe9', base64.b64decode, {}), (b'|', base64.b85decode, {}),
                   (b'y', base64.a85decode, {}), (123, base64.b64encode, {}), ('abc', base64.b64encode, {})]:
    try:
        print(f(bad, **kw))
    except (binascii.Error, ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
out = io.BytesIO()
base64.encode(io.BytesIO(b'stream data ' * 10), out)
print(out.getvalue())
back = io.BytesIO()
base64.decode(io.BytesIO(out.getvalue()), back)
print(back.getvalue() == b'stream data ' * 10)

# quopri (uses binascii when available)
for d in [b'hello = world', b'tab\tand space \nnext', b'caf\xc3\xa9', b'x' * 100, b'_under score_', b'.\n']:
    e = quopri.encodestring(d)
    print(e, quopri.decodestring(e) == d, quopri.encodestring(d, quotetabs=True), quopri.encodestring(d, header=True))
print(quopri.decodestring(b'a=3Db=\nc_d', header=True), quopri.decodestring(b'=E9t=E9'))
out = io.BytesIO()
quopri.encode(io.BytesIO(b'line one \nline=two\n'), out, quotetabs=False)
print(out.getvalue())

# bytes-to-bytes codecs
for name in ['hex', 'hex_codec', 'base64', 'base64_codec', 'quopri', 'quotedprintable', 'uu']:
    e = codecs.encode(b'binary \x00\xff data', name)
    print(name, e, codecs.decode(e, name))
print(codecs.decode(b'68656c6c6f', 'hex'), codecs.decode(b'aGVsbG8=\n', 'base64'))
try:
    codecs.decode(b'xyz', 'hex')
except binascii.Error as e:
    print('hex', type(e).__name__)  # the message wrapping by codecs is _codecs' business, not binascii's
print(b'\x01\xab'.hex(), bytes.fromhex('01ab'), binascii.hexlify(b'\x01\xab', ' ') == b'\x01\xab'.hex(' ').encode())
