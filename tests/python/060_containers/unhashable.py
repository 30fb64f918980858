for v in [[1], {1: 2}, {1}, bytearray(b'x'), ([1],)]:
    try:
        hash(v)
        print(type(v).__name__, 'hashable')
    except TypeError as e:
        print(type(v).__name__, e)
for v in [1, 'a', (1, 2), frozenset([1]), None, 1.5, b'x', range(2)]:
    print(type(v).__name__, hash(v) == hash(v))
