import unicodedata as u
samples = ['caf\u00e9', 'cafe\u0301', '\ufb01', '\u1e9b\u0323', 'A\u030a', '\u212b', '\u00c5', '\u2126',
           '\u1100\u1161\u11a8', '\uac01', '\u0041\u0323\u0307', '\u0041\u0307\u0323', '\u00bd', '\u2460',
           '\uff76\uff9e', 'x\u0308\u0301y', '\u0958', '\u0e33', '\u0f73', 'plain ascii', '',
           '\u00e9\u0300\u0316', 'a\u0301\u0301', '\ud55c\uad6d\uc5b4', '\u03d3', '\u1fb7\u0345']
for s in samples:
    row = [ascii(s)]
    for f in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        n = u.normalize(f, s)
        row.append('%s:%s:%s' % (f, ascii(n), u.is_normalized(f, s)))
    print(' '.join(row))
s = 'already'
print(u.normalize('NFC', s) is s, u.normalize('NFD', 'caf\u00e9') == 'cafe\u0301')
