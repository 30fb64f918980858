import base64, struct
m = memoryview(b"123456").cast('B', (3, 2))
print(m.ndim, m.shape, m.strides, len(m), m.tolist(), m.tobytes(), m[1, 0], m.nbytes, m.contiguous)
print(base64.b64encode(m), bytes(m))
for f in [lambda: m[0], lambda: list(m), lambda: m[1, 5], lambda: m[1, 2, 3], lambda: memoryview(b'1234').cast('B', (3,)),
          lambda: memoryview(b'1234').cast('B', (0, 4)), lambda: m.cast('B', (2, 3)), lambda: memoryview(b'1234').cast('B', 4)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
b = bytearray(b"abcdefgh")
w = memoryview(b).cast('B', [2, 2, 2])
w[1, 1, 1] = 90
print(b, w.tolist(), w.cast('B').tolist()[:3], memoryview(b).cast('H', (2, 2)).tolist())
