import re

p = re.compile(rb'(\w+)=(\d+)')
print(p, p.findall(b'a=1 bb=22'), p.search(b'x a=1').groups())
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\d)', rb'<\1>', b'a1'), re.split(rb',', b'a,b'))
print(re.match(rb'.', b'\xff'), re.match(rb'\xe9', 'é'.encode('latin-1')))
print(re.findall(rb'\w', b'a\xe9_1'), re.findall(rb'(?i)A', b'aA\xe1'), re.findall(rb'\s', b' \t\x1c\x85'))
print(re.match(b'a', bytearray(b'abc')), re.match(b'a', memoryview(b'abc')))
print(re.match(b'(a)', bytearray(b'a')).group(1), type(re.match(b'a', bytearray(b'a')).group()).__name__)
print(re.fullmatch(rb'[^\x00-\x7f]+', bytes(range(128, 256))) is not None)
print(re.sub(b'a', lambda m: m.group().upper(), b'banana'))
print(re.compile(b'a').pattern, re.compile(rb'\d+', re.I))
for bad in [lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.match('a', 5),
            lambda: re.sub(b'a', 'x', b'a'), lambda: re.sub('a', b'x', 'a'), lambda: re.compile(b'a', re.U),
            lambda: re.compile('a', re.L), lambda: re.findall(b'a', None)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
