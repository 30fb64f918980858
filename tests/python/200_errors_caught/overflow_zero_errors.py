import math
for f in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0.0, lambda: 1.0 // 0, lambda: divmod(5.0, 0), lambda: 0.0 ** -2,
          lambda: 10.0 ** 400, lambda: math.exp(1000), lambda: float(10 ** 400), lambda: int(float('inf')), lambda: 2 ** 2000 / 1,
          lambda: math.factorial(1000) * 1.0, lambda: (10 ** 400) // 1.0, lambda: round(1e308, -400) and float('1e500') and 1e308 * 10 and 1 / (1e-400)]:
    try:
        print(f())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
