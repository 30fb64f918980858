# Big, deep and random documents: round trips through the C paths, compared with the pure-Python
# paths of the same json package, and the recursion limit (RecursionError, never a crash).
import json
import json.decoder
import json.scanner
import json.encoder
import random
import sys

rng = random.Random(1234)
# Units, not characters: a lone high surrogate followed by a low one would decode as a pair.
ALPHABET = list('abcxyz "\\/\b\f\n\r\t\x00\x1f\x7fé中😀\u2028\udc00') + ['\ud800x']

def rstr():
    return ''.join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12)))

def rvalue(depth):
    k = rng.randrange(10 if depth < 6 else 6)
    if k == 0: return None
    if k == 1: return rng.random() < 0.5
    if k == 2: return rng.randrange(-10**6, 10**6)
    if k == 3: return rng.choice([rng.randrange(-10**30, 10**30), 2**63, -2**63 - 1])
    if k == 4: return rng.uniform(-1e10, 1e10) * rng.choice([1, 1e-20, 1e20, 1e300])
    if k == 5: return rstr()
    if k in (6, 7): return [rvalue(depth + 1) for _ in range(rng.randrange(0, 6))]
    return {rstr(): rvalue(depth + 1) for _ in range(rng.randrange(0, 6))}

py_decoder = json.decoder.JSONDecoder()
py_decoder.scan_once = json.scanner.py_make_scanner(py_decoder)

def py_dumps(o, **kw):
    # The pure-Python encoder: indent=None but not _one_shot (iterencode chunks).
    return ''.join(json.JSONEncoder(**kw).iterencode(o))

mismatch = 0
for i in range(300):
    v = rvalue(0)
    for kw in ({}, {'ensure_ascii': False}, {'sort_keys': False, 'separators': (',', ':')}):
        s = json.dumps(v, **kw)
        if s != py_dumps(v, **kw):
            mismatch += 1
            print('encode mismatch', ascii(v)[:80], kw)
        back = json.loads(s)
        if json.dumps(back, **kw) != s or (back != v and 'NaN' not in s):
            mismatch += 1
            print('round trip mismatch', ascii(s)[:80])
        if py_decoder.decode(s) != back:
            mismatch += 1
            print('decoder mismatch', ascii(s)[:80])
print('random documents: mismatches', mismatch)

# Error positions agree with the pure-Python scanner on corrupted documents.
diff = 0
checked = 0
for i in range(300):
    s = json.dumps(rvalue(0), ensure_ascii=rng.random() < 0.5)
    if len(s) < 2:
        continue
    pos = rng.randrange(len(s))
    bad = s[:pos] + rng.choice(['', 'x', ',', ']', '}', '"', '\\', ':', ' ', '\x01', '1.', '-']) + s[pos + 1:]
    def outcome(fn):
        try:
            return ('ok', fn(bad))
        except json.JSONDecodeError as e:
            return ('err', e.msg, e.pos)
    a, b = outcome(json.loads), outcome(py_decoder.decode)
    checked += 1
    if a != b and not (a[0] == b[0] == 'ok' and ascii(a) == ascii(b)):
        diff += 1
        print('differs', ascii(bad)[:80], a[:3], b[:3])
print('corrupted documents checked', checked > 250, 'differences', diff)

# A large document.
big = {'items': [{'id': i, 'name': 'item %d' % i, 'tags': ['t%d' % (i % 7), 'é'], 'price': i * 1.25,
                  'ok': i % 3 == 0, 'none': None} for i in range(20000)]}
s = json.dumps(big)
print(len(s), s[:80])
back = json.loads(s)
print(back == big, len(back['items']), back['items'][-1])
s2 = json.dumps(big, ensure_ascii=False, sort_keys=True, separators=(',', ':'))
print(len(s2), json.loads(s2) == big)
long_str = 'é' * 100000 + '\\' + '"'
print(json.loads(json.dumps(long_str)) == long_str, len(json.dumps(long_str)))

# Deep nesting within the limit works; beyond it is a RecursionError.
deep = 200
s = '[' * deep + ']' * deep
v = json.loads(s)
print(json.dumps(v) == s)
s = '{"a":' * deep + '1' + '}' * deep
print(json.dumps(json.loads(s), separators=(',', ':')) == s)
for src in ['[' * 100000 + ']' * 100000, '{"a":' * 100000 + '1' + '}' * 100000, '[' * 100000]:
    try:
        json.loads(src)
        print('no error?')
    except RecursionError as e:
        print('RecursionError', e)
l = []
for i in range(100000):
    l = [l]
try:
    json.dumps(l)
except RecursionError as e:
    print('RecursionError', e)
d = {}
for i in range(100000):
    d = {'k': d}
try:
    json.dumps(d)
except RecursionError as e:
    print('RecursionError', e)
class Endless:
    pass
try:
    json.dumps(Endless(), default=lambda o: [Endless()])
except RecursionError as e:
    print('RecursionError (endless default)')
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
try:
    json.loads('[' * 150 + ']' * 150)
except RecursionError as e:
    print('limit 100:', e)
sys.setrecursionlimit(old)
print(len(json.dumps(json.loads('[' * 150 + ']' * 150))))

# int max str digits applies to JSON numbers as to int().
try:
    json.loads('1' * 5000)
except ValueError as e:
    print('ValueError', str(e)[:60])
try:
    json.dumps(10 ** 5000)
except ValueError as e:
    print('ValueError', str(e)[:60])
sys.set_int_max_str_digits(0)
print(len(json.dumps(json.loads('7' * 5000))))
