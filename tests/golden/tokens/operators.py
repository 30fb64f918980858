a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f %= 6; g **= 7; h @= i
j = k << 1 >> 2 & 3 | 4 ^ ~5
l = m != n == o <= p >= q < r > s
def t(u) -> v: return w
x: int = (y := 5)
z = [1, 2][...:] ; {**d}
