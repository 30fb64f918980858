for a in [7, -7, 7.5, -7.5, 10 ** 20]:
    for b in [2, -2, 0.5, 3]:
        print(a, b, divmod(a, b), a // b, a % b)
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1e20, 123.456, -123.456]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1))
for n in [1234, -1234, 15, 25, 10 ** 20 + 5]:
    print(n, round(n, -1), round(n, -2), round(n, 2))
print(round(float('inf'), 2), round(float('nan'), 1))
for bad in [float('inf'), float('nan')]:
    try:
        round(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
