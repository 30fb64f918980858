class Z:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
class N: pass
for v in [0, 1, -1, 0.0, 1e-9, 0j, '', 'a', [], [0], (), {}, set(), None, Z(), L(), N(), range(0), b'', bytearray()]:
    print(type(v).__name__, bool(v), 'yes' if v else 'no', not v)
x = 0
while not x:
    x += 1
print(x)
