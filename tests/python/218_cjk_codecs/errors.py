# Unencodable and undecodable input under every standard error handler and a registered one,
# with the exception's attributes.
import codecs

def show(f):
    try:
        print('  ->', ascii(f()))
    except UnicodeError as e:
        print('  ', type(e).__name__, e.encoding, ascii(e.object), e.start, e.end, e.reason)
        print('  ', e)

text = 'a\u0100\u3042\udc80b\U0001f600c'
for enc in ['shift_jis', 'euc_jp', 'gbk', 'euc_kr', 'cp949', 'iso2022_jp', 'iso2022_kr']:
    print(enc)
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace',
                   'surrogateescape']:
        show(lambda: text.encode(enc, errors))

bad = [('shift_jis', b'abc\x80\x80\x82\x84\x88'), ('cp932', b'ab\xEA\xF0xy'), ('euc_jp', b'abc\x8f\x83\x83'),
       ('euc_kr', b'\xa4\xd4\xa4\xb6\xa4\xff\xa4\xd4'), ('big5', b'abc\x80\xc1\xc4\xc8'),
       ('gb18030', b'\x81\x30'), ('iso2022_jp', b'\x1b$Z'), ('iso2022_jp', b'ab\x1b$B\x24'),
       ('johab', b'\xD8\xFFabc')]
for enc, b in bad:
    print(enc, b)
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
        show(lambda: b.decode(enc, errors))

seen = []
def handler(exc):
    seen.append((type(exc).__name__, exc.start, exc.end, exc.reason))
    if isinstance(exc, UnicodeEncodeError):
        return ('<%d>' % ord(exc.object[exc.start]), exc.end)
    return ('[%s]' % exc.object[exc.start:exc.end].hex(), exc.end)
codecs.register_error('test.cjk218', handler)
print('a\u0100\u3042b'.encode('shift_jis', 'test.cjk218'), 'a\u0100\u3042b'.encode('iso2022_jp', 'test.cjk218'))
print(b'a\x80\x82\xa0b\x82'.decode('shift_jis', 'test.cjk218'))
print(seen)
codecs.register_error('test.cjk218b', lambda e: (b'1234', e.end))
print('abc\udeeedef'.encode('euc_kr', 'test.cjk218b'))
codecs.register_error('test.cjk218c', lambda e: ('REPLACED', 0) if e.start and len(seen) < 6 and not seen.append(1) else ('END', e.end))
print('abcd\udeeeefgh'.encode('gbk', 'test.cjk218c'))
for bad_ret in [None, ('x', None), ('x', 100), ([1], 1)]:
    codecs.register_error('test.cjk218d', lambda e, r=bad_ret: r)
    try:
        codecs.lookup('cp949').encode('\udeee', 'test.cjk218d')
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
show(lambda: codecs.lookup('shift_jis').decode('text'))
print(codecs.lookup('shift_jis').encode(123))
