# Large inputs and pathological patterns must not crash (the engine keeps its own stacks).
import re, time
n = 200000
print(len(re.match(r'(?:a|b)*', 'ab' * n).group()))
print(len(re.match(r'(a|b)*c', 'ab' * n + 'c').group()), re.match(r'(a|b)*c', 'ab' * n + 'c').group(1))
print(len(re.match(r'(?:ab)*?c', 'ab' * n + 'c').group()))
print(len(re.findall(r'\w+', 'word ' * n)))
print(re.search(r'x', 'a' * 1000000 + 'x').span())
print(len(re.sub(r'a', 'bb', 'a' * n)))
print(re.match(r'(a*)*b', 'a' * 18))          # exponential in CPython too, but small
print(re.match(r'(?:a+)+b', 'a' * 20 + 'c'))
print(re.fullmatch(r'(\w+\s?)*', 'word ' * 1000) is not None)
print(re.match(r'.*foo', 'x' * 100000 + 'foo').end(), re.match(r'.*?foo', 'x' * 100000 + 'foo').end())
nested = '(' * 50 + 'a' + ')' * 50
print(re.match(nested, 'a').lastindex)
deep_la = '(?=' * 30 + 'a' + ')' * 30
print(re.match(deep_la, 'a'))
print(re.match('(?:' * 90 + 'a' + ')*' * 90, 'aaa'))
print(len(re.split(r',', ','.join(['x'] * n))))
