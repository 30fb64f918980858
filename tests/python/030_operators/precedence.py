print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2, not 1 == 2, 1 + 2 << 1, 1 << 2 + 1)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 5 & 3 | 8, ~5 & 0xF, 1 < 2 == 2, 3 - 2 - 1, 2 ** 2 ** 3)
print(10 - 4 // 3 * 2 % 5, 100 / 10 / 5, True or False and False, (True or False) and False)
print(not True or True, not (True or True), 1 if 0 else 2 if 0 else 3, (lambda: 1 if True else 2)())
print(- - 5, +-5, ~~7, -2 ** -1, 2 * -3, 3 - -3)
x = [1, 2, 3]
print(x[1] ** 2, -x[0], x[1:][0] + 1, 'a' 'b' * 2, ('a' + 'b') * 2)
print(0 or '' or [] or 'last', 1 and 2 and 3, 0 and 1 / 0, None or 0)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1.0 != 2, 'a' < 'b' <= 'b')
