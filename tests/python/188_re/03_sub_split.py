import re

print(re.sub(r'\d+', '#', 'a1b22c333'))
print(re.sub(r'\d+', '#', 'a1b22c333', 2), re.sub(r'\d+', '#', 'a1b22c333', count=1))
print(re.subn(r'\d+', '#', 'a1b22c333'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home ann@work'))
print(re.sub(r'(?P<first>\w+) (?P<last>\w+)', r'\g<last>, \g<first>', 'John Smith'))
print(re.sub(r'(\w)', r'\g<1>\g<0>', 'abc'))
print(re.sub(r'a', r'\n\t\\', 'xax'))
print(repr(re.sub(r'a', '\\n', 'a')))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'))
print(re.sub(r'\d', lambda m: None if m.group() == '2' else 'X', 'a1b2c3') if False else '')
print(re.subn(r'(\d)', lambda m: m.group(1) * 3, 'x1y2'))
print(re.sub(r'a', 'b', 'aaa', count=-1))
print(re.sub('(?i)HELLO', 'bye', 'Hello hello HELLO'))
print(re.sub('a', 'b', ''), re.subn('', 'x', ''))
p = re.compile(r'\s+')
print(p.sub(' ', '  lots   of\tspace \n'), p.subn('', 'a b c'))

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words', maxsplit=-1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W)?', 'ab c'), re.split('x*', 'axbc'))
print(re.split(r'\b', 'a b'), re.split('', 'abc'))
print(re.split(r'(a)|(b)', 'xaybz'))
print(re.split(',', ''), re.split(',', 'a,b,,c,'))

# errors in replacement templates come from re._parser
for tmpl in [r'\3', r'\g<x>', r'\g<1', r'\q', r'\g<-1>']:
    try:
        re.sub(r'(a)', tmpl, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
m = re.match(r'(?P<n>\d+)\.(\d+)', '3.14')
print(m.expand(r'\2.\1 \g<n> \g<2>'), repr(m.expand('')))
