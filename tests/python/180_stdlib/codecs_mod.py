import codecs
print(codecs.encode('héllo', 'utf-8'), codecs.decode(b'h\xc3\xa9llo', 'utf-8'), codecs.encode('abc', 'latin-1'), codecs.decode(b'\xe9', 'latin-1'))
print(codecs.lookup('UTF-8').name, codecs.lookup('latin_1').name, codecs.lookup('ascii').name, codecs.lookup('utf8').name)
print(codecs.BOM_UTF8, codecs.utf_8_encode('é'), codecs.utf_8_decode(b'\xc3\xa9'), codecs.encode(b'hi', 'hex'), codecs.decode('6869', 'hex'))
try:
    codecs.lookup('no-such-codec')
except LookupError as e:
    print(e)
dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'\xc3')), repr(dec.decode(b'\xa9')), repr(dec.decode(b'', final=True)))
import encodings
print(encodings.normalize_encoding('UTF 8'), 'é'.encode('utf-8').decode('cp1252'))
