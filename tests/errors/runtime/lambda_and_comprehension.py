values = [1, 2, 0, 4]
inverse = lambda v: 1 / v
result = [inverse(v) for v in values]
