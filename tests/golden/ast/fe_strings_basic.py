"a"
'b'
"""triple"""
'''also'''
"a" "b" 'c'
u"unicode"
r"raw\\n"
R"raw"
b"bytes"
B"BYTES"
rb"\\d+"
Br"x"
"quote's"
'dq"'
"both'\""
"é ü 中文 🎉"
"\t\n\r\x00\x7f\x80\xff\xa0\xad"
"\u00e9\U0001F600"
