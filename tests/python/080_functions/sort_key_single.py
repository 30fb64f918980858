# A key function is called even for one element (and may raise).
for f in [lambda: sorted(['A'], key=abs), lambda: ['A'].sort(key=abs), lambda: sorted([], key=abs),
          lambda: sorted([3], key=lambda x: print("key", x) or x), lambda: min(['A'], key=abs)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
# Set displays of constants iterate in CPython's order (built from a frozenset constant).
print({(1, 2), (2, 1), (0, 0), 3.5, -7})
print({5, 1, 9, 100, 33, 8, 16, 1000, -1, 64})
