# Edge cases around literals and unary operators.
print(-1, +1, - -1, ~0, ~-1, not 0, -(-(-3)))
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2)
print(0x10 + 0o10 + 0b10 + 10)
print(1 if 1 else 2)
print(1_0.0_1)
print((1).__class__, 1 .real, 1.0.real)
print(float.fromhex('0x1.8p1'), (3.0).hex(), (0.1).hex())
