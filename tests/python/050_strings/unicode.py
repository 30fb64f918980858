import unicodedata
s = 'naïve café – ελληνικά – 中文 – 😀'
print(s, len(s), s.encode('utf-8'), len(s.encode('utf-8')))
print([hex(ord(c)) for c in '😀é中'], chr(0x1F600), chr(233), chr(0x4e2d))
print(s.encode('utf-8').decode('utf-8') == s, 'é'.encode('latin-1'), b'\xe9'.decode('latin-1'))
print('abc'.encode('ascii'), 'é'.encode('ascii', 'replace'), 'é'.encode('ascii', 'ignore'), 'é'.encode('ascii', 'backslashreplace'), 'é😀'.encode('ascii', 'xmlcharrefreplace'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b'\xffabc'.decode('utf-8', 'replace'), b'\xffabc'.decode('utf-8', 'ignore'), repr(b'\xff'.decode('utf-8', 'surrogateescape')))
print(unicodedata.name('é'), unicodedata.category('A'), unicodedata.normalize('NFD', 'é').encode('utf-8'), unicodedata.normalize('NFC', 'e\u0301') == 'é')
print(sorted(['b', 'a', 'é', 'Z', 'ä']), 'ﬁ'.upper(), 'ß'.upper(), len('ß'.upper()))
print('\u00e9' == '\xe9', '\U0001f600' == '😀', ascii('😀é'), repr('\x7f\x80\u200b'))
print(max('hello'), min('hello'), 'a' * 0, ord('\n'), 'ǲ'.istitle())
