print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-2, 0.5), pow(0, 0), pow(0.0, 0))
print(pow(3, 200, 1000), pow(12345, 6789, 99991), pow(5, -2, 13), pow(10 ** 30, 10 ** 5, 97))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 0.5, 3)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print((-8) ** (1/3) == pow(-8, 1/3), 1 ** float('inf'), float('inf') ** 0)
print(2 ** 0.5 * 2 ** 0.5, 10 ** -1, (-1) ** 2, (-1) ** 3, (-1.0) ** 2.0)
