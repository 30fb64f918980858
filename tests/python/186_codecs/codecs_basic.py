# The codecs module over _codecs: registry, error handlers, codec primitives.
import codecs
print(codecs.lookup('UTF-8').name, codecs.lookup('latin_1').name, codecs.lookup('ascii').name, codecs.lookup('utf8').name)
print(codecs.lookup('cp1252').name, codecs.lookup('Windows-1252').name, codecs.lookup('utf-16').name)
try:
    codecs.lookup('no-such-codec')
except LookupError as e:
    print('LookupError', e)
print(codecs.encode('héllo', 'utf-8'), codecs.decode(b'h\xc3\xa9llo', 'utf-8'), codecs.encode('abc', 'latin-1'))
print(codecs.utf_8_encode('é'), codecs.utf_8_decode(b'\xc3\xa9'), codecs.utf_8_decode(b'a\xc3', 'strict', False))
print(codecs.latin_1_decode(b'\xe9'), codecs.ascii_encode('abc'), codecs.ascii_decode(b'abc'))
print('x€'.encode('cp1252'), b'\x80\xe9'.decode('cp1252'), b'\xe9'.decode('latin-1'), 'é'.encode('cp437'))
print(b'\x82\x90'.decode('cp437'), 'Ω'.encode('iso8859_7'), b'\xd9'.decode('iso8859_7'), 'я'.encode('koi8_r'))
print('abc'.encode('utf-16'), 'abc'.encode('utf-16-le'), 'abc'.encode('utf-32-be'), b'\xff\xfea\x00'.decode('utf-16'))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a', 'strict', 0, True))
print('é'.encode('utf-8-sig'), b'\xef\xbb\xbfabc'.decode('utf-8-sig'))
dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'\xc3')), repr(dec.decode(b'\xa9')), repr(dec.decode(b'', final=True)))
dec = codecs.getincrementaldecoder('utf-16')()
print(repr(dec.decode(b'\xff')), repr(dec.decode(b'\xfea')), repr(dec.decode(b'\x00b\x00')), repr(dec.decode(b'', final=True)))
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'))
for h in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    try:
        print(h, 'aé€\U0001f600'.encode('ascii', h))
    except UnicodeEncodeError as e:
        print(h, 'UnicodeEncodeError', e)
for h in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    try:
        print(h, ascii(b'a\xff\xfeb'.decode('utf-8', h)))
    except UnicodeDecodeError as e:
        print(h, 'UnicodeDecodeError', e, e.start, e.end, e.reason)
print('\udcff'.encode('utf-8', 'surrogateescape'), '\ud800'.encode('utf-8', 'surrogatepass'))
def myhandler(exc):
    return ('<%d-%d>' % (exc.start, exc.end), exc.end)
codecs.register_error('mine', myhandler)
print('aéb€'.encode('ascii', 'mine'), b'a\xffb'.decode('ascii', 'mine'), 'x€'.encode('latin-1', 'mine'))
print(codecs.lookup_error('mine') is myhandler, codecs.lookup_error('strict'))
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print('LookupError', e)
print(codecs.escape_encode(b"a'\n\x00\xff"), codecs.escape_decode(b'a\\n\\x41\\101'))
print(codecs.unicode_escape_encode('a\té\u20ac\U0001f600\\'), codecs.unicode_escape_decode(b'\\u20ac\\N{DEGREE SIGN}\\x41\\n'))
print(codecs.raw_unicode_escape_encode('a\\é\u20ac'), codecs.raw_unicode_escape_decode(b'\\u20ac\\\\u0041\\x'))
print('a\n\u20ac'.encode('unicode_escape'), b'\\t\\u00e9'.decode('unicode_escape'), 'é'.encode('raw_unicode_escape'))
try:
    b'\\x4'.decode('unicode_escape')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
table = codecs.charmap_build('abc\ufffe')
print(codecs.charmap_decode(b'\x00\x01\x02', 'strict', 'abc'), codecs.charmap_encode('cab', 'strict', table))
try:
    codecs.charmap_decode(b'\x03', 'strict', 'abc\ufffe')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
print(codecs.charmap_decode(b'\x03\x00', 'replace', 'abc\ufffe'), codecs.charmap_encode('az', 'ignore', table))
print(codecs.readbuffer_encode(b'xy'), codecs.BOM_UTF8, codecs.BOM_UTF16_LE)
def search(name):
    if name == 'myrot':
        return codecs.CodecInfo(lambda s, e='strict': (s[::-1].encode(), len(s)), lambda b, e='strict': (bytes(b)[::-1].decode(), len(b)), name='myrot')
codecs.register(search)
print(codecs.encode('abc', 'myrot'), codecs.decode(b'abc', 'myrot'), 'xyz'.encode('myrot'), b'xyz'.decode('myrot'))
codecs.unregister(search)
try:
    codecs.lookup('myrot')
except LookupError as e:
    print('LookupError', e)
try:
    'x'.encode('hex')
except LookupError as e:
    print('LookupError', e)
