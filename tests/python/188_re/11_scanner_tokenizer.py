import re

scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', lambda s, t: ('ID', t)),
    (r'\d+\.\d*', lambda s, t: ('FLOAT', float(t))),
    (r'\d+', lambda s, t: ('INT', int(t))),
    (r'[=+*/-]', lambda s, t: ('OP', t)),
    (r'\s+', None),
])
print(scanner.scan('x = 3 + 4.5 * y2'))
print(scanner.scan('a $ b'))

TOKEN = re.compile(r'''
    (?P<NUMBER>\d+(?:\.\d+)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>[-+*/()])
  | (?P<WS>\s+)
  | (?P<ERR>.)
''', re.VERBOSE)
def tokens(text):
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind != 'WS':
            yield kind, m.group()
print(list(tokens('3.5*(x1 + 42) ? y')))
# manual loop with match(s, pos) as json and tokenizers do
WS = re.compile(r'[ \t\n]*')
NUM = re.compile(r'-?\d+')
s = ' 12  -7\t 400 '
pos, out = 0, []
while True:
    pos = WS.match(s, pos).end()
    m = NUM.match(s, pos)
    if not m:
        break
    out.append(int(m.group()))
    pos = m.end()
print(out, pos)
