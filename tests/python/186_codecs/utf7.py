# UTF-7 (_codecs.utf_7_encode / utf_7_decode, encodings.utf_7): which characters are
# written directly, shift sequences, surrogate pairs, incremental decoding, every
# decoding error with its range and reason, error handlers; then a seeded random
# comparison summarised by a digest.
import codecs, hashlib, io, random

print('direct:', ''.join(chr(c) for c in range(128) if codecs.utf_7_encode(chr(c))[0] == bytes([c])).encode())
for s in ['', 'a', '+', '++', 'a+b', '-', 'é', 'é-', 'éa', 'é.', 'é+', 'éé', '€', '\U0001d11e', '\U0001d11ea',
          '\ud800', '\udc00', '\ud800\udc00x', '~\\', '\x00\x7f', 'A\u2262\u0391.', 'Hi Mom -\u263a-!',
          '\u65e5\u672c\u8a9e', 'x\U0010ffff\U00010000y', '\t\r\n ', 'é/', 'éZ', 'é9']:
    b, n = codecs.utf_7_encode(s)
    print(ascii(s), b, n, ascii(b.decode('utf-7')), s.encode('utf-7') == b)

def show(b, errors='strict', final=True):
    try:
        r = codecs.utf_7_decode(b, errors, final)
        return ascii(r)
    except UnicodeDecodeError as e:
        return 'UnicodeDecodeError(%r, %r, %d, %d, %r)' % (e.encoding, e.object, e.start, e.end, e.reason)

cases = [b'', b'a', b'+-', b'+', b'a+', b'+AGE', b'+AGE-', b'+AGEA', b'+AGF-', b'+AB-', b'+AB', b'+ABC-',
         b'+2D3dHg-', b'+2D3dHg', b'+2D0-', b'+2D0', b'+2D0~', b'+2D0.', b'+2D0\xff', b'+2AA-+3AA-', b'+3AA-',
         b'+2ADYAA-', b'\xff', b'a\x80b', b'+\xff', b'+~', b'+!', b'+.x', b'~\\\x00\x7f', b'+AGEAYQ-',
         b'+AGEAYQ', b'+AGEAYQB', b'+ZeVnLIqe-', b'+ZeVnLIqe', b'+ZeVnLIqe.', b'+ZeVnLIq', b'a+ZeV',
         b'+AGE-+AGE', b'+A', b'+AA', b'+AAA', b'+AAAA']
for b in cases:
    print(b, show(b), show(b, 'strict', False), show(b, 'replace'), show(b, 'ignore'))
for h in ['replace', 'ignore', 'surrogateescape', 'backslashreplace']:
    print(h, show(b'a\xff+AB-+\xff+2D0\xfe+ZeV', h), show(b'x+ZeVnLIq', h))

def tagger(e):
    return ('<%s %d-%d>' % (e.reason, e.start, e.end), e.end)
codecs.register_error('utf7test.tag', tagger)
def rewind(e):
    return ('@', e.start + 1)
codecs.register_error('utf7test.rewind', rewind)
for b in [b'a\xff+AB-+\xff+2D0\xfe+ZeV', b'+AGF-b', b'+2D3', b'+AGEAYQB']:
    print(b, show(b, 'utf7test.tag'), show(b, 'utf7test.rewind'))

# str.encode / bytes.decode, the incremental codecs and streams
print('a+b€\U0001f600'.encode('utf-7'), 'x'.encode('utf7'), codecs.lookup('UTF-7').name, codecs.lookup('u7').name)
print(ascii(b'A+ImIDkQ.'.decode('utf-7')), ascii(bytearray(b'+AGE-').decode('utf_7')))
dec = codecs.getincrementaldecoder('utf-7')()
data = 'a€b\U0001f600+~c'.encode('utf-7')
print(data, [ascii(dec.decode(data[i:i + 1])) for i in range(len(data))], ascii(dec.decode(b'', True)))
dec = codecs.getincrementaldecoder('utf-7')('replace')
print(ascii(dec.decode(b'+ZeV')), dec.getstate(), ascii(dec.decode(b'', final=True)))
enc = codecs.getincrementalencoder('utf-7')()
print(enc.encode('é'), enc.encode('é'), enc.encode('', final=True))
r = codecs.getreader('utf-7')(io.BytesIO('line one €\nline two \U0001f600\n'.encode('utf-7')))
print([ascii(x) for x in r.readlines()])
w = io.BytesIO()
codecs.getwriter('utf-7')(w).write('héllo')
print(w.getvalue())

# argument checking
for f in [lambda: codecs.utf_7_encode(b'x'), lambda: codecs.utf_7_encode('x', 1), lambda: codecs.utf_7_decode('x'),
          lambda: codecs.utf_7_decode(b'x', 1), lambda: codecs.utf_7_decode(b'x', None, 'y'),
          lambda: codecs.utf_7_decode(), lambda: codecs.utf_7_decode(b'', None, 0, 1),
          lambda: codecs.utf_7_decode(data=b''), lambda: codecs.utf_7_encode('x', 'no-such-handler'),
          lambda: codecs.utf_7_decode(b'\xff', 'no-such-handler')]:
    try:
        print(f())
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)

# seeded random strings and bytes, every handler, chunked incremental decoding
rnd = random.Random(7)
pool = list('ABZaz09+/-+-') + list(' !"~\\\t\n\x00\x7f.') + ['é', '€', '\uffff', '\U0001d11e', '\ud800', '\udc00']
bpool = list(b'ABZaz09+/++--~\\ .\x00') + [0x80, 0xff]
h = hashlib.sha256()
for _ in range(1500):
    s = ''.join(rnd.choice(pool) for _ in range(rnd.randrange(12)))
    b = codecs.utf_7_encode(s)[0]
    h.update(ascii((s, b, codecs.utf_7_decode(b))).encode())
    b = bytes(rnd.choice(bpool) for _ in range(rnd.randrange(12)))
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'utf7test.tag']:
        h.update((show(b, errors) + show(b, errors, False)).encode())
    d = codecs.getincrementaldecoder('utf-7')('replace')
    i, parts = 0, []
    while i < len(b):
        j = i + rnd.randrange(4)
        parts.append(d.decode(b[i:j]))
        i = j
    parts.append(d.decode(b'', True))
    h.update(ascii(parts).encode())
print('random digest', h.hexdigest()[:16])
