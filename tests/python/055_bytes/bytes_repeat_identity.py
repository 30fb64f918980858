# bytes * n at run time, as CPython: an exact bytes whose repetition has its
# own length is the object itself; any other result is a new object, an
# empty one too (tracemalloc's tests look up the traceback of `b'x' * -23`).
e = b""
x = b"x"
ab = b"ab"


class B(bytes):
    pass


for n in (-23, -1, 0, 1, 2):
    r = x * n
    print(n, r, r is e, r is x, type(r).__name__, (n * x) is e)
print((ab * 1) is ab, (1 * ab) is ab, (e * 5) is e, (e * 0) is e, (e * -1) is e)
s = B(b"q")
print(type(s * 1).__name__, (s * 1) is s, type(s * 0).__name__, (s * 0) is e)
t = B(b"")
print(type(t * 3).__name__, (t * 3) is t, (t * 3) is e)
ba = bytearray(b"z")
print(ba * 0, (ba * 1) is ba, type(ba * 0).__name__)
