# _random: the Mersenne Twister must reproduce CPython's sequences exactly.
import _random
r = _random.Random(42)
print(r.random(), r.random(), r.getrandbits(1), r.getrandbits(32), r.getrandbits(33), r.getrandbits(100), r.getrandbits(0))
r.seed(0); print(r.random())
r.seed(2**100 + 12345); print(r.random(), r.getrandbits(64))
r.seed(-7); a = r.random(); r.seed(7); print(a == r.random())
st = r.getstate(); print(len(st), st[-1], all(0 <= x < 2**32 for x in st))
x = [r.random() for _ in range(3)]
r.setstate(st); print(x == [r.random() for _ in range(3)])
for bad in [lambda: r.setstate(()), lambda: r.setstate([0] * 625), lambda: r.getrandbits(-1), lambda: r.setstate(st[:-1] + (700,))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
r.seed("hello")  # str seeds go through hash() here (random.py hashes them with sha512 first)
r2 = _random.Random(); r3 = _random.Random()
print(r2.random() != r3.random())
class R(_random.Random):
    def __init__(self, x):
        self.seed(x)
        self.extra = 1
print(R(42).random(), R(5).extra)
import _sha512
h = _sha512.sha512(b"abc"); print(h.hexdigest())
h2 = h.copy(); h2.update(b"def"); print(h2.hexdigest() == _sha512.sha512(b"abcdef").hexdigest(), h.name, h.digest_size, h.block_size)
print(_sha512.sha384(b"abc").hexdigest(), _sha512.sha384().digest_size)
print(_sha512.sha512(b"a" * 1000).hexdigest()[:40], _sha512.sha512(b"x" * 111).hexdigest()[:20], _sha512.sha512(b"x" * 112).hexdigest()[:20])
try:
    _sha512.sha512("str")
except TypeError as e:
    print(e)
