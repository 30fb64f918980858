import pickle, _pickle, io
vals = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31-1, -2**31, 2**31, -2**31-1, 2**64, -2**64, 2**1000, -255, -256,
        0.0, 1.5, -2.5e300, float('inf'), b'', b'abc', b'x'*300, bytearray(), bytearray(b'ab'), '', 'abc', 'é\u20ac\U0001f600\\\n\r\0\x1a', 'x'*300,
        (), (1,), (1,2), (1,2,3), (1,2,3,4), [], [1], [1,2], list(range(1001)), {}, {1:2}, {i:i for i in range(1001)}, set(), {1,2}, frozenset(), frozenset({1}),
        int, type(None), type(...), type(NotImplemented), len, pickle.Pickler, complex(1,2), range(3), slice(1,2), ..., NotImplemented]
for v in vals:
    for proto in range(6):
        a = _pickle.dumps(v, proto)
        print(proto, repr(v)[:40], a.hex()[:200], len(a))
        b = pickle.loads(a)
        c = pickle._loads(a)
        assert repr(b) == repr(c) or v != v, (b, c)
l = []; l.append(l); t = (l,); l.append(t)
for proto in range(6):
    print(_pickle.dumps(l, proto).hex())
    print(pickle._dumps(l, proto).hex())
    r = _pickle.loads(_pickle.dumps(l, proto)); print(r[0] is r, r[1][0] is r)
