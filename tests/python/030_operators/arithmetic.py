# + - * / // % ** across int/float/negative operands.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (7, 0.5), (0, 3), (10**20 + 1, 7)]
for a, b in pairs:
    print(a, b, '|', a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** -2, (-2) ** 3, (-8) ** (1 / 3) == (-8) ** (1 / 3), 4 ** 0.5, 0 ** 0, 2.0 ** 0.5)
print((-1) ** 0.5)
print(10 ** -3, 7 % -3, -7 % 3, 7.0 % -3, -0.0 % 5, 5 % float('inf'), -5 % float('inf'))
print(1e300 * 1e10, -1e300 * 1e10, 3 * 'ab', [0] * 3, (1,) * 2, 2 * [1, 2])
for bad in ['1 / 0', '1 // 0', '1 % 0', '1.0 / 0', '0 ** -1', 'divmod(1, 0)', '2.0 ** 10000']:
    try:
        print(eval(bad))
    except (ZeroDivisionError, OverflowError) as e:
        print(bad, '->', type(e).__name__, e)
