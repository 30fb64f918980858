squares = [n * n for n + 1 in range(3)]
