# Sorting tuples (the shortcut for ints, floats and strs inside tuples) agrees with
# the generic comparison: NaNs, -0.0, mixed types, ints beyond a machine word.
import random
nan = float('nan')
rng = random.Random(3)
pool = [0, 1, -1, 2**70, 1.0, 0.5, nan, -0.0, 0.0, 'a', 'b', '', True]
for trial in range(300):
    data = [tuple(rng.choice(pool[:9]) for _ in range(rng.randrange(0, 3))) for _ in range(rng.randrange(0, 30))]
    try: r = sorted(data)
    except TypeError as e: r = str(e)
    print(repr(r)[:200])
data = [(rng.choice(['x', 'y']), rng.randrange(5), rng.random()) for _ in range(2000)]
s = sorted(data)
print(s[:3], s[-3:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
