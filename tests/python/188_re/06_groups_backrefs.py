import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.group('first'), m['last'], m.groupdict(), m.span('last'), m.start('first'), m.lastgroup)
p = m.re
print(dict(p.groupindex), p.groupindex['last'], type(p.groupindex).__name__, list(p.groupindex.items()))
try:
    p.groupindex['x'] = 1
except TypeError as e:
    print('TypeError', e)
print(re.match(r'(?P<a>x)|(?P<b>y)', 'y').groupdict(), re.match(r'(?P<a>x)|(?P<b>y)', 'y').groupdict('-'))
print(re.match(r'(?P<a>x)(y)', 'xy').lastgroup, re.match(r'(x)(?P<b>y)', 'xy').lastgroup)
print(re.search(r'(\w)\1', 'abbc').group(), re.search(r'(?P<c>\w)(?P=c)', 'xyzzy').group())
print(re.match(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11', 'abcdefghijkk').group(11))
print(re.match(r'(a)|\1', 'x'), re.search(r'(a)?b\1', 'b'))
print(re.match(r'(?:(a)|b)*', 'ab').groups(), re.match(r'((a)|b)+', 'ab').groups())
print(re.match(r'(a(b)?)+', 'aba').groups(), re.match(r'(?:(a)|(b))*', 'ab').groups())
print(re.match(r'(a*)+', 'b').groups(), re.match(r'(a*)*', 'aa').groups(), re.match(r'(a|)*', 'aa').groups())
print(re.match(r'(?:(a)|b)+?c', 'abc').groups(), re.match(r'(a)*?b', 'aab').groups())

# conditional groups
pat = re.compile(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)')
print(pat.match('<user@host.com>'), pat.match('user@host.com'), pat.match('<user@host.com'))
print(re.match(r'(?P<q>")?\w+(?(q)")', '"abc"'), re.match(r'(a)?(?(1)b)c', 'c'))

# Match API corner cases
m = re.match(r'(a)(b)?', 'a')
for g in [5, -1, 'nope', 2.0, [1]]:
    try:
        print(m.group(g))
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(m.group(True), m[False], m.start(2), m.end(2), m.span(2))
try:
    re.match(r'(?P<n>a)', 'a').group([1])
except TypeError as e:
    print('TypeError', e)
print(m.group(1, 0, 2))
import copy
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(m.re) is m.re)
try:
    re.Match()
except TypeError as e:
    print(e)
try:
    re.Pattern()
except TypeError as e:
    print(e)
print(re.compile(r'(?P<a>.)(?P<b>.)?').match('x').groupdict())
print(re.compile('(a)(b)(c)').groups, re.compile('(?:a)').groups)
