import re

bad = ['(', ')', 'a**', '[a-', '(?P<1>a)', '(?P<a>x)(?P<a>y)', r'\1', '(?<=a*)b', 'a{2,1}', '[b-a]',
       '(?', '(?z)', r'\p', '(?P=x)', '*a', 'a{,', '(?i', r'(?(2)a|b)', '(?#unterminated', 'x' * 3 + '(?<!a|bc)',
       r'[\d-z]', r'\x4', r'\u12', '(?i)(?L)a', 'a|*', '(?P<a-b>x)', '(?(1a)x)', r'\N{NOT A NAME}']
for pat in bad:
    try:
        re.compile(pat)
        print('ok', repr(pat))
    except re.error as e:
        print(repr(pat), '->', e, '| pos', e.pos, e.lineno, e.colno)
try:
    re.compile('a\n(b')
except re.error as e:
    print(e, e.lineno, e.colno, e.msg, e.pattern)
try:
    re.compile(5)
except TypeError as e:
    print(e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print(e)
p = re.compile('a')
print(re.compile(p) is p, re.purge())
for f in [lambda: p.match('a', 1.5), lambda: p.match('a', 10 ** 30), lambda: p.match(), lambda: p.search('a', bogus=1),
          lambda: p.sub('x'), lambda: p.split(), lambda: p.findall(None),
          lambda: p.match('a').start(group=0), lambda: p.scanner('a').match(1)]:
    try:
        f()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(re.error.__module__, issubclass(re.error, Exception), re.error('m').msg)
