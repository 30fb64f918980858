import re
m = re.match(r'(\w+)@(\w+)\.com', 'alice@example.com and more')
print(m.group(), m.group(1), m.groups(), m.span(), m.start(2), m.end(), m.string[:5], m.re.pattern)
print(re.search(r'\d+', 'abc 123 def 45').group(), re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2'))
print(re.sub(r'\s+', ' ', 'a   b \t\n c'), re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world'), re.subn('a', 'b', 'aaa'))
print(re.split(r'[,;]\s*', 'a, b;c,  d'), re.split(r'(,)', 'a,b'), re.split(r'x*', 'abc'), re.split(r'\W+', 'Words, words.', maxsplit=1))
print([m.group() for m in re.finditer(r'[A-Z]\w*', 'The Quick brown Fox')], re.fullmatch(r'\d{3}', '123') is not None, re.fullmatch(r'\d{3}', '1234'))
p = re.compile(r'(?P<key>\w+)=(?P<val>[^;]*)', re.I)
print([(m['key'], m.group('val')) for m in p.finditer('a=1;b=two;c=')], p.groupindex, p.flags & re.I != 0)
print(p.match('k=v').groupdict(), re.sub(r'(?P<n>\d)', lambda m: str(int(m['n']) * 2), 'a1b2c9'))
print(re.escape('a.b*c?'), re.match('a.c', 'a\nc'), re.match('a.c', 'a\nc', re.S).group(), re.findall('^x', 'x\nx', re.M))
print(re.match(r'(a)(b)?', 'a').groups(), re.match(r'(a)(b)?', 'a').groups('default'), re.search(r'(?<=@)\w+', 'me@host').group())
print(re.findall(r'(?i)hello', 'Hello HELLO hello'), re.match(r'(\d+)(?=px)', '100px').group(1), re.search(r'(?<!\$)\b\d+', '$5 7').group())
print(re.sub(r'a|b', lambda m: m.group().upper(), 'abcab'), re.findall(r'\bcat\b', 'cat concat cat.'), re.match(r'(?:ab)+', 'ababx').group())
print(re.match(r'(\w+) \1', 'hey hey').group(), re.findall(r'[^\W\d_]+', 'ab1_cd é'), re.findall(r'\s', 'a b\tc\n'))
print(re.match('x*?', 'xxx').group() == '', re.match('x+?', 'xxx').group(), re.match('<.*>', '<a><b>').group(), re.match('<.*?>', '<a><b>').group())
for bad in ['(', '[a-', 'a{2,1}', '*a']:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), e.msg, e.pos)
print(re.compile(rb'\d+').findall(b'a12b3'), re.sub('(?m)^', '> ', 'l1\nl2'), re.ASCII, re.purge())
