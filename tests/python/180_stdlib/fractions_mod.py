from fractions import Fraction as F
print(F(1, 3) + F(1, 6), F(3, 4) * F(2, 3), F(1, 2) / F(3, 4), F(7, 3) // 1, F(7, 3) % 1, F(2, 3) ** 2, F(4, 9) ** F(1, 2), -F(1, 2))
print(F('3/7'), F('1.25'), F(0.1), F(0.1).limit_denominator(100), F(6, 8), F(-6, 8), F(5), F('  -2/4  '), F(1.5), repr(F(1, 3)))
print(F(1, 3) < F(1, 2), F(1, 2) == 0.5, F(1, 3) == 1 / 3, float(F(1, 3)), int(F(-7, 2)), round(F(7, 2)), round(F(5, 2)), round(F(22, 7), 2), hash(F(1, 2)) == hash(0.5))
print(F(3, 4).numerator, F(3, 4).denominator, F(3, 4).as_integer_ratio(), sum([F(1, n) for n in range(1, 6)]), F(1, 3) + 1, 1.0 + F(1, 2), F(1, 2) + 1j)
for bad in [lambda: F(1, 0), lambda: F('x'), lambda: F(1.5, 2)]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(F.from_float(0.25), F.from_decimal(__import__('decimal').Decimal('1.1')), max(F(1, 3), F(2, 7)), f'{float(F(2, 3)):.5f}')
