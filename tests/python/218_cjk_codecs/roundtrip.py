# Japanese, Chinese and Korean text through every CJK codec gilpy has, both ways.
import codecs

JA = 'Python の開発は、1990 年ごろから開始されています。ｶﾀｶﾅ ①'
ZH_S = '中文字符，简体汉字。'
ZH_T = '中文字元，繁體漢字。'
KO = '한국어 텍스트, 파이썬'

cases = [
    ('shift_jis', JA.replace('①', '')), ('cp932', JA), ('euc_jp', JA.replace('①', '')),
    ('shift_jis_2004', JA), ('shift_jisx0213', JA), ('euc_jis_2004', JA), ('euc_jisx0213', JA),
    ('iso2022_jp', JA.replace('ｶﾀｶﾅ ①', '')), ('iso2022_jp_2', JA.replace('ｶﾀｶﾅ ①', '') + 'é' + KO),
    ('iso2022_jp_3', JA.replace('ｶﾀｶﾅ ', '')),
    ('gb2312', ZH_S), ('gbk', ZH_S + ZH_T), ('gb18030', ZH_S + ZH_T + '\U00012345\u00ac'),
    ('big5', ZH_T), ('cp950', ZH_T), ('big5hkscs', ZH_T + '\u00ca\u0304'),
    ('euc_kr', KO + '\uc4d4'), ('cp949', KO), ('johab', KO), ('iso2022_kr', KO + ' abc'),
]
for enc, text in cases:
    b = text.encode(enc)
    back = b.decode(enc)
    print(enc, codecs.lookup(enc).name, b, back == text)
    assert codecs.decode(codecs.encode(text, enc), enc) == text
    print('  ', ''.encode(enc), b''.decode(enc) == '', 'abcd'.encode(enc))

# ASCII stays ASCII where CPython says so (glibc's SHIFT_JIS would give YEN SIGN and OVERLINE).
print(b'\\~'.decode('shift_jis'), b'\\~'.decode('shift_jis_2004'), b'\\'.decode('johab'))
print('\\'.encode('shift_jisx0213'), '\u2015'.encode('euc_jis_2004'))
print('\u00e6\u0300'.encode('euc_jis_2004'), b'\xab\xc4'.decode('euc_jis_2004') == '\u00e6\u0300')
print('\u4e16\u4e16'.encode('iso2022_jp'))
