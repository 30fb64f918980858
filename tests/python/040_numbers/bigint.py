a = 2 ** 200 - 1
b = 3 ** 100
print(a, b)
print(a + b, a - b, a * b, a // b, a % b, -a // b, -a % b)
print(a ** 2, pow(a, 3, 10 ** 9 + 7), pow(3, -1, 7), pow(2, 100, 1), pow(-3, 3, 5))
print(str(7 ** 333)[:40], len(str(7 ** 333)))
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(f.bit_length(), (-f).bit_length(), (0).bit_length(), (255).bit_length(), (256).bit_length())
print(f % 1000003, f // 10 ** 150, hash(7) == 7, int(str(f)) == f)
print(abs(-a) == a, -(-a) == a, a > b, -a < -b, a == 2 ** 200 - 1)
print(10 ** 50 / 10 ** 48, 10 ** 400 // 10 ** 398, (10 ** 20) / 3)
try:
    10 ** 400 / 1
except OverflowError as e:
    print('OverflowError', e)
print(divmod(-10 ** 30, 7), divmod(10 ** 30, -7))
print(int('1' * 100) % 97, 0x123456789abcdef0123456789 >> 17)
