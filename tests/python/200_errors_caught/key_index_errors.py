d = {'a': 1}
for f in [lambda: d['b'], lambda: d[('t', 1)], lambda: d[None], lambda: {}[''], lambda: [1, 2][2], lambda: [1][-2],
          lambda: 'ab'[9], lambda: (1,)[1], lambda: range(3)[3], lambda: b'x'[1], lambda: [].pop(), lambda: [1].pop(5),
          lambda: [].insert(0, 1) or [][0], lambda: __import__('collections').deque().popleft(), lambda: {}.popitem(),
          lambda: __import__('os').environ['GILPY_DEFINITELY_UNSET_VARIABLE']]:
    try:
        f()
    except (KeyError, IndexError) as e:
        print(type(e).__name__, repr(e), str(e))
