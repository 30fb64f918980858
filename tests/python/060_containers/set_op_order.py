# Set operations iterate in CPython's order when keys collide (ints that are
# multiples of the table size collide): copies keep slot positions, a - b and
# a & b follow CPython's choice of which side to walk, ^= and &= work in place.
import random
r = random.Random(7)
keys = [8 * k for k in range(12)] + [8 * k + 3 for k in range(6)] + [2**61 + k for k in range(4)]
for _ in range(60):
    A = set(r.sample(keys, r.randint(0, 10)))
    B = set(r.sample(keys, r.randint(0, 10)))
    print(A | B, A & B, A - B, A ^ B, set() | A, A - set(), A & A)
    C = set(A); C ^= B; D = set(A); D &= B; E = set(A); E -= B
    print(C, D, E, frozenset(A) | B)
