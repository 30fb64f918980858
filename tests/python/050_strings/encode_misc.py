s = 'Grüße 🌍'
for enc in ['utf-8', 'utf-16-le', 'utf-16', 'utf-32-be', 'latin-1', 'ascii', 'cp1252']:
    try:
        data = s.encode(enc)
        print(enc, len(data), data[:12], data.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, 'error', e.start, e.end, e.reason)
print('abc'.encode(), 'x'.encode('UTF8'), 'y'.encode(encoding='utf_8'))
import codecs
print(codecs.encode('abc', 'rot13'), codecs.lookup('utf8').name, codecs.lookup('latin1').name)
print('\ud800'.encode('utf-8', 'surrogatepass'), repr('a\ud800b'.encode('utf-8', 'replace')))
