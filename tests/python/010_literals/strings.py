# String literals: quotes, prefixes, escapes, concatenation.
print('single', "double", '''triple
single''', """triple
double""")
print('it\'s', "say \"hi\"", 'tab\there', 'nl\\n')
print(r'raw \n stays', R"raw \t too", r'\\')
print('\x41\x42\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\101\0'.encode('unicode_escape'))
print(len('\n\t\r\a\b\f\v\\'), repr('\a\b\f\v'))
print('implicit' ' concatenation' " works", 'a' 'b' 'c')
s = ('multi'
     'line'
     "join")
print(s)
print("""line1
line2\
continued""")
print(repr('\''), repr("\""), repr('"\''), repr(''))
print('\N{BULLET} bullet', len('\N{BULLET}'))
print(u'u prefix', U'big U')
