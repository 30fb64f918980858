# match / search / fullmatch and the Match API basics
import re

p = re.compile(r'a+b')
print(p, p.pattern, p.flags, p.groups, p.groupindex)
m = p.search('xxaaabyy')
print(m)
print(m.group(), m.group(0), m.start(), m.end(), m.span(), m.pos, m.endpos)
print(m.string, m.re is p, m.lastindex, m.lastgroup, m.regs)
print(p.match('xxaaab'), p.match('aab'), p.fullmatch('aab'), p.fullmatch('aabx'))
print(re.match('abc', 'abcdef'), re.search('cd', 'abcdef'), re.fullmatch('abc', 'abc'))
print(re.search('z', 'abc'))
print(bool(re.match('', '')), re.match('', 'abc'))

# pos / endpos
p = re.compile('o')
print(p.search('foo boo', 3), p.search('foo boo', 3).pos)
print(p.search('foo', 0, 1), p.match('foo', 1), p.match('foo', 1, 2).span())
print(p.search('foo', -10).pos, p.search('foo', 0, 100).endpos)
print(re.compile('^o').search('foo', 1), re.compile('o$').search('foo', 0, 2))
print(re.compile('').match('abc', 2, 1), re.compile('').search('abc', 2, 1))
print(re.compile(r'\b').search('abc', 3), re.compile(r'\b').search('abc', 1, 1))
print(p.match(string='oo', pos=1), p.search('xo', endpos=1))

# groups
m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'hello big world!')
print(m.groups(), m.group(1, 2, 3), m[0], m[1], m[3])
print(m.span(1), m.start(2), m.end(3), m.lastindex)
m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'hello big')
print(m.groups(), m.groups('dflt'), m.group(3), m.span(3), m.start(3), m.lastindex)
m = re.match(r'(a)(b)?', 'a')
print(m.regs, m.lastindex)
print(re.match(r'(a)|b', 'b').lastindex, re.match(r'(a)|(b)', 'b').lastindex)
print(re.match(r'((a)(b))', 'ab').lastindex, re.match(r'(a)(?=(b))', 'ab').lastindex)

# repr truncation and types
print(re.search('.+', 'x' * 100))
print(re.search('.+', 'é' * 60))
print(type(m).__name__, type(p).__name__, re.Match, re.Pattern)
print(re.Pattern[str], re.Match[bytes])
print(repr(re.compile('x' * 300))[-20:])
