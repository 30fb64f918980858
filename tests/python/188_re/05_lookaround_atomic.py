import re

print(re.findall(r'\w+(?=,)', 'a, bb, ccc'))
print(re.findall(r'\w+(?!,)\b', 'a, bb, ccc'))
print(re.findall(r'(?<=\$)\d+', 'cost $30 or $45'))
print(re.findall(r'(?<!\$)\b\d+', 'cost $30 or 45'))
print(re.search(r'(?<=ab)c', 'abc'), re.search(r'(?<=ab)c', 'xbc'), re.search(r'(?<!^)a', 'aa'))
print(re.match(r'(?=(\w+))\w', 'abc').groups(), re.match(r'(?!(x))\w', 'abc').groups())
print(re.match(r'(?<=(a))b', 'ab', ), re.search(r'(?<=(a))b', 'ab').groups())
print(re.search(r'(?<=(?P<x>[ab]))c', 'bc').groupdict())
try:
    re.compile(r'(?<=a+)b')
except re.error as e:
    print('error:', e)

# non-greedy
print(re.match(r'<.*>', '<a><b>').group(), re.match(r'<.*?>', '<a><b>').group())
print(re.match(r'a{2,4}', 'aaaaa').group(), re.match(r'a{2,4}?', 'aaaaa').group())
print(re.match(r'(a+?)(a*)', 'aaa').groups(), re.match(r'(a??)(a*)', 'aaa').groups())
print(re.match(r'(?:ab)+?c', 'ababc'), re.match(r'(ab|a)*?b', 'aab').group())
print(re.findall(r'".*?"', '"a" and "b"'))

# possessive quantifiers and atomic groups (new in 3.11)
print(re.match(r'a++a', 'aaaa'), re.match(r'a*+b', 'aaab'), re.match(r'a?+a', 'a'))
print(re.match(r'(?:ab)++c', 'ababc'), re.match(r'(?:ab)*+ab', 'abab'))
print(re.match(r'[ab]{1,3}+b', 'abab'), re.match(r'\d{2}+', '12345'))
print(re.match(r'(?>a+)b', 'aaab'), re.match(r'(?>a+)a', 'aaa'), re.match(r'(?>a|ab)c', 'abc'))
print(re.match(r'(?>(a)|b)+', 'abab').groups(), re.match(r'(?>x*)y', 'xxy'))
# (CPython 3.11.2 mishandles groups re-entered by a possessive repeat, e.g. (?:(a)|b)*+ on 'ab';
# only cases without that bug are checked.)
print(re.match(r'(?:(a)|b)*+', 'ba').groups(), re.match(r'(?:a|ab)*+b', 'ababab'))
print(re.fullmatch(r'(?>a*)', 'aab'), re.fullmatch(r'(?>a*)b', 'aab'))
