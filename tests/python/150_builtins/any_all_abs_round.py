print(any([]), all([]), any([0, '', None]), any([0, 1]), all([1, 'a', [0]]), all([1, 0]), any(x > 2 for x in range(5)), all(iter([True])))
print(abs(-5), abs(5), abs(-2.5), abs(3 + 4j), abs(-10 ** 30), abs(True), abs(-0.0))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(12345, -2), round(0.5 + 1e-9), round(7.0), round(1e300))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(10 ** 25, 7), pow(2, 8), pow(2, 8, 5), pow(2.0, -1), pow(-1, 0.5))
try:
    abs('x')
except TypeError as e:
    print(e)
try:
    round('x')
except TypeError as e:
    print(e)
