big = 2 ** 100 + 12345
for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (big, 2 ** 64 - 1), (-big, big), (big, -1)]:
    print(a & b, a | b, a ^ b)
print(~big, -big >> 3, big >> 200, -1 >> 100, 1 << 100, -(1 << 70) >> 1, big << 0)
print(5 >> 1, -5 >> 1, 0xFF & ~0x0F, hex(-1 & 0xFFFFFFFF))
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 & 1
except TypeError as e:
    print(type(e).__name__, e)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
