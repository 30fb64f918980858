import re

s = 'naïve café — 東京 €5 ǅungla'
print(re.findall(r'\w+', s))
print([m.span() for m in re.finditer(r'\w+', s)])
print(re.search('東(.)', s), re.search('東(.)', s).span(1))
print(re.sub(r'[^\x00-\x7f]', '?', s))
print(re.split(r'\s+', s), re.findall('.', '😀a😀'), re.search('a', '😀a').span())
print(re.match('[\U0001F600-\U0001F64F]+', '😀😃x'), re.findall(r'[а-яё]+', 'Привет мир ёлка', re.I))
print(re.findall(r'(?i)[а-я]+', 'ПРИВЕТ'), re.findall(r'[α-ω]', 'αβγ ΑΒΓ'), re.findall(r'(?i)[α-ω]', 'ΑΒΓ'))
print(re.match(r'\w+', 'Ⅻ ⅻ'), re.match(r'\d', '²'), re.match(r'\d', '٣'), re.findall(r'\W', 'a²½'))
print(re.search(r'\bcafé\b', 'le café noir'), re.search(r'\B', 'éé'))
print(re.escape('東京.é'), re.escape('a-b c'))
long = 'é' * 1000 + 'x' + 'é' * 1000
m = re.search('x', long)
print(m.span(), len(re.findall('é', long)), re.sub('é+', '-', long))
pos = 0
words = 'αβ γδ εζ ' * 3
p = re.compile(r'\S+')
out = []
while True:
    m = p.search(words, pos)
    if not m:
        break
    out.append((m.group(), m.start()))
    pos = m.end()
print(out)
print(re.match('(?i)ß', 'ẞ'), re.match('(?i)ẞ', 'ß'), re.match('(?i)ﬀ', 'FF'))
print(re.match('(?i)[ǅ]', 'Ǆ'), re.match('(?i)[^ǅ]', 'ǆ'), re.match('(?i)ΐ', 'ΐ'))
print(re.fullmatch(r'(?i)[a-zµ]+', 'ΜΜµ'), re.fullmatch(r'(?i)ſ', 'S'), re.fullmatch(r'(?i)i', 'İ'))
