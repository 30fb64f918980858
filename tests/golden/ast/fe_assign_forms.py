a = b = c
a, *b = c
[x, y] = z
a.b = c[d] = e
x: int
y: "List[int]" = []
(z): int = 1
a.b: int
x += 1; y -= 2; z *= 3; w @= 4; v /= 5; u //= 6; t %= 7; s **= 8; r >>= 9; q <<= 1; p &= 2; o ^= 3; n |= 4
