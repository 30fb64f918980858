# Seeded random fragments of every width through every audioop function;
# the expectation is CPython 3.11's output for the same seed.
import sys, random, array, warnings, hashlib
warnings.simplefilter('ignore')
import audioop
N = int(sys.argv[1]) if len(sys.argv) > 1 else 40
rng = random.Random(1234)
out = []
def show(r):
    if isinstance(r, bytes) and len(r) > 64:
        return 'bytes[%d]:%s' % (len(r), hashlib.md5(r).hexdigest())
    if isinstance(r, tuple):
        return '(' + ', '.join(show(x) for x in r) + ')'
    return repr(r)
def call(name, *args):
    try:
        r = getattr(audioop, name)(*args)
        s = show(r)
    except Exception as e:
        s = '%s: %s' % (type(e).__name__, e)
    out.append('%s%s -> %s' % (name, tuple(show(a) if isinstance(a,(bytes,bytearray)) else a for a in args) if False else '', s))
    print(name, s)
edge = {1: [0, 1, -1, 127, -128, 0x55], 2: [0, 1, -1, 32767, -32768, 0x1234],
        3: [0, 1, -1, 2**23-1, -2**23, 0x123456], 4: [0, 1, -1, 2**31-1, -2**31, 0x12345678]}
def frag(w, n, mode):
    vals = []
    lo, hi = -(1 << (8*w-1)), (1 << (8*w-1)) - 1
    for i in range(n):
        if mode == 0: v = rng.randint(lo, hi)
        elif mode == 1: v = rng.choice(edge[w])
        elif mode == 2: v = rng.randint(-300, 300) if w > 1 else rng.randint(-20, 20)
        else: v = rng.choice([lo, hi, lo+1, hi-1, 0])
        vals.append(v)
    return b''.join(v.to_bytes(w, 'little', signed=True) for v in vals)
def wrap(b):
    k = rng.randrange(4)
    if k == 0: return b
    if k == 1: return bytearray(b)
    if k == 2: return memoryview(b)
    return array.array('B', b)
factors = [0, 1, -1, 0.5, -0.5, 2, 1.5, -2.75, 1e10, -1e10, 0.999, 1.0000001, float('inf'), float('-inf'), float('nan'), 3, True, 0.1234567]
for it in range(N):
    w = rng.choice([1, 2, 3, 4])
    n = rng.choice([0, 1, 2, 3, 5, 8, 17, 64, 200])
    mode = rng.randrange(4)
    b = frag(w, n, mode)
    f = wrap(b)
    for name in ['max', 'minmax', 'avg', 'rms', 'avgpp', 'maxpp', 'cross', 'reverse', 'byteswap', 'lin2ulaw', 'lin2alaw', 'ulaw2lin', 'alaw2lin']:
        call(name, f, w)
    if n: call('getsample', f, w, rng.randrange(-1, n + 1))
    call('mul', f, w, rng.choice(factors))
    call('tomono', f, w, rng.choice(factors), rng.choice(factors))
    call('tostereo', f, w, rng.choice(factors), rng.choice(factors))
    call('add', f, wrap(frag(w, n, rng.randrange(4))), w)
    call('bias', f, w, rng.choice([0, 1, -1, 2**31-1, -2**31, 12345, rng.randint(-2**31, 2**31-1)]))
    for nw in (1, 2, 3, 4): call('lin2lin', f, w, nw)
    st = None
    for k in range(2):
        r = audioop.lin2adpcm(f, w, st) if rng.random() < 0.9 else None
        call('lin2adpcm', f, w, st)
        if r: st = r[1]
    st = rng.choice([None, (0, 0), (rng.randint(-32768, 32767), rng.randint(0, 88))])
    call('adpcm2lin', f, w, st)
    call('lin2adpcm', f, w, st)
    # odd lengths and wrong widths
    call('max', b + b'\0', w); call('mul', b, 5, 1.0); call('ratecv', b + b'\0', w, 1, 1, 2, None)
    # ratecv
    nch = rng.choice([1, 2, 3])
    b2 = frag(w, nch * rng.choice([0, 1, 2, 7, 40]), mode)
    inrate = rng.choice([8000, 11025, 16000, 22050, 44100, 48000, 1, 3, 7])
    outrate = rng.choice([8000, 11025, 16000, 22050, 44100, 48000, 1, 2, 5])
    wa, wb = rng.choice([(1, 0), (1, 1), (2, 3), (5, 1), (7, 0)])
    st = None
    for k in range(3):
        try:
            r = audioop.ratecv(b2, w, nch, inrate, outrate, st, wa, wb)
        except Exception as e:
            r = None
        call('ratecv', b2, w, nch, inrate, outrate, st, wa, wb)
        if r: st = r[1]
    if rng.random() < 0.3:
        import math; g = math.gcd(inrate, outrate)
        st = (rng.randint(-outrate//g, -1), tuple((rng.randint(-2**31, 2**31-1), rng.randint(-2**31, 2**31-1)) for _ in range(nch)))
        call('ratecv', b2, w, nch, inrate, outrate, st, wa, wb)
    # 16-bit functions
    b16 = frag(2, rng.choice([0, 1, 2, 5, 30, 100]), mode)
    ref = frag(2, rng.choice([0, 1, 2, 5, 20]), mode)
    call('findfit', b16, ref)
    call('findfactor', b16, ref)
    call('findfactor', b16, b16[:len(b16)//2*2])
    call('findfactor', b16, frag(2, len(b16)//2, 0))
    call('findmax', b16, rng.randrange(-1, len(b16)//2 + 2))
# all codes
allb = bytes(range(256))
for w in (1, 2, 3, 4):
    call('ulaw2lin', allb, w); call('alaw2lin', allb, w)
for w in (2, 3, 4):
    ramp = b''.join((v << (8*w - 16)).to_bytes(w, 'little', signed=True) for v in range(-32768, 32768, 3))
    call('lin2ulaw', ramp, w); call('lin2alaw', ramp, w); call('lin2adpcm', ramp, w, None)
print('done')
