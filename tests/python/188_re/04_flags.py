import re

print(re.findall('(?i)abc', 'ABC aBc abc'), re.findall('abc', 'ABC aBc', re.I))
print(re.match('[a-z]+', 'HeLLo', re.IGNORECASE))
print(re.match('(?i)[^a-z]', 'A'), re.match('(?i)[^A-Z]', 'a'))
print(re.findall('(?i)straße', 'STRASSE Straße STRAẞE'))
print(re.match('(?i)ǅ', 'ǆ'), re.match('(?i)ǆ', 'Ǆ'), re.match('(?i)k', '\u212a'), re.match('(?i)\u212a', 'K'))
print(re.match('(?i)σ', 'Σ'), re.match('(?i)ς', 'Σ'), re.match('(?i)[σ]', 'ς'))
print(re.match('(?i)é', 'É'), re.match('(?i)É+', 'éÉé'))
print(re.match(r'(?i)(a)\1', 'aA'), re.match(r'(a)\1', 'aA'))
print(re.match('(?ia)k', '\u212a'), re.match('(?i)[k]', '\u212a'))

s = 'line one\nline two\nline three'
print(re.findall('^line', s), re.findall('^line', s, re.M))
print(re.findall(r'\w+$', s), re.findall(r'\w+$', s, re.MULTILINE))
print(re.findall('(?m)^$', 'a\n\nb\n'), re.findall(r'$', 'a\n'), re.findall(r'\Z', 'a\n'))
print(re.findall('a.c', 'a\nc abc'), re.findall('a.c', 'a\nc abc', re.S), re.findall('(?s)a.c', 'a\nc'))

pat = re.compile(r'''
    (\d+)   # integer part
    \.      # point
    (\d*)   # fraction
''', re.VERBOSE)
print(pat.match('3.14').groups(), pat.flags & re.VERBOSE)
print(re.match(r'(?x) a b c # comment', 'abc'), re.match(r'(?x)a\ b', 'a b'), re.match('(?x)[ ]', ' '))

print(re.findall(r'\w+', 'héllo wörld'), re.findall(r'\w+', 'héllo wörld', re.ASCII))
print(re.findall(r'\d', '1٣۳'), re.findall(r'(?a)\d', '1٣۳'))
print(re.findall(r'\s', ' \t\x1c\u2000\xa0'), re.findall(r'(?a)\s', ' \t\x1c\u2000\xa0'))
print(re.findall(r'\bé', 'é aé'), re.findall(r'(?a)\bé', 'é aé'))

print(re.compile('a', re.I | re.M | re.S | re.X), re.compile('a', re.A), re.compile('a', re.U))
print(re.compile(b'a', re.I | re.L), re.compile('a', re.DOTALL).flags, re.compile(b'a').flags)
print(re.compile('(?i)a').flags, re.compile('(?im)a'), re.compile('(?s:a)b'))
print(re.match('(?i:a)b', 'Ab'), re.match('(?i:a)b', 'AB'), re.match('a(?-i:b)', 'Ab', re.I), re.match('a(?-i:b)', 'AB', re.I))
print(re.I, re.IGNORECASE | re.MULTILINE, re.RegexFlag(10))
