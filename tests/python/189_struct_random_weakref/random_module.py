# random.py on top of _random and _sha512: seeded results equal CPython's.
import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abc"))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.uniform(1, 2), random.randrange(0, 100, 7))
random.seed("hello"); print(random.random())
random.seed(b"bytes"); print(random.random())
random.seed(12345); print([random.randint(0, 9) for _ in range(10)], random.getrandbits(80))
print(random.gauss(0, 1), random.choices("abc", k=5), random.triangular(), random.betavariate(2, 3))
r = random.Random(7); s = r.getstate(); a = r.random(); r.setstate(s); print(a == r.random())
print(random.Random(3).random() == random.Random(3).random())
