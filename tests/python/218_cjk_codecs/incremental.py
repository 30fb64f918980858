# Incremental decoding split inside a multibyte character, incremental encoding, their state,
# StreamReader/StreamWriter over io.BytesIO and codecs.open of a file.
import codecs, io, os, tempfile

text = 'Python の開発は、1990 年ごろから開始されています。\n二行目です。\n'
ZH = '中文字元，繁體漢字。\n第二行。\n'
for enc in ['shift_jis', 'euc_jp', 'cp932', 'gb18030', 'big5', 'cp950', 'big5hkscs', 'cp949', 'euc_jis_2004',
            'iso2022_jp', 'iso2022_kr']:
    text = ZH if enc.startswith(('big5', 'cp950')) else text
    data = text.encode(enc)
    for step in (1, 2, 3, 7):
        dec = codecs.getincrementaldecoder(enc)()
        out = ''.join(dec.decode(data[i:i + step]) for i in range(0, len(data), step)) + dec.decode(b'', True)
        assert out == text, (enc, step, out)
        enc_ = codecs.getincrementalencoder(enc)()
        got = b''.join(enc_.encode(text[i:i + step]) for i in range(0, len(text), step)) + enc_.encode('', True)
        assert got == data, (enc, step, got)
    print(enc, 'incremental ok', len(data))

text = 'Python の開発は、1990 年ごろから開始されています。\n二行目です。\n'
dec = codecs.getincrementaldecoder('euc_jp')()
print(repr(dec.decode(b'\xa4')), dec.getstate(), repr(dec.decode(b'\xa6')), dec.getstate())
try:
    dec.decode(b'\xa4', True)
except UnicodeDecodeError as e:
    print(e)
dec.setstate((b'abc', 123456789)); print(dec.getstate())
for bad in [123, ('x', 0), (b'123456789', 0)]:
    try:
        dec.setstate(bad)
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, e)

enc = codecs.getincrementalencoder('euc_jis_2004')()
print(enc.getstate(), enc.encode('\u00e6'), hex(enc.getstate()), enc.encode('\u0300'), enc.getstate())
enc = codecs.getincrementalencoder('iso2022_jp')()
print(hex(enc.getstate()), enc.encode('\u3042'), hex(enc.getstate()), enc.encode('z'), enc.encode('', True))
enc = codecs.getincrementalencoder('shift_jis')('backslashreplace')
print(enc.encode('\xff'), enc.errors)
enc.errors = 'ignore'; print(enc.encode('\xffx'))

dec = codecs.getincrementaldecoder('iso2022_jp')()
ESC = b'\x1b'
print(repr(dec.decode(ESC + b'(')), repr(dec.decode(b'B', True)), repr(dec.decode(ESC + b'$')),
      repr(dec.decode(b'B@$')), repr(dec.decode(b'@$@')), repr(dec.decode(b'$', True)))

for enc in ['shift_jis', 'gbk', 'euc_kr', 'iso2022_jp']:
    buf = io.BytesIO()
    w = codecs.getwriter(enc)(buf)
    w.write(text[:10]); w.writelines([text[10:20], text[20:]]); w.reset()
    print(enc, buf.getvalue() == text.encode(enc))
    for meth in ('read', 'readline', 'readlines'):
        r = codecs.getreader(enc)(io.BytesIO(buf.getvalue()))
        parts = []
        while True:
            got = getattr(r, meth)(3)
            if not got:
                break
            parts.append(''.join(got) if meth == 'readlines' else got)
        print('  ', meth, ''.join(parts) == text)

path = os.path.join(tempfile.mkdtemp(), 'cjk.txt')
with codecs.open(path, 'w', encoding='shift_jis') as f:
    f.write(text)
with open(path, 'rb') as f:
    print(f.read() == text.encode('shift_jis'))
with codecs.open(path, encoding='shift_jis') as f:
    print(f.readline(), end='')
    print(f.read(), end='')
with open(path, 'wb') as f:
    f.write(b'\xa1')
with codecs.open(path, encoding='cp949') as f:
    try:
        f.read(2)
    except UnicodeDecodeError as e:
        print(e)
with open(path, 'w', encoding='euc_kr') as f:
    f.write(text)
with open(path, encoding='euc_kr') as f:
    print(f.read() == text)
os.remove(path)
