matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print({i: {j: i * j for j in range(3)} for i in range(3)})
print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 2])
flat = [c for word in ['ab', 'cd'] for c in word]
print(flat, [[c for c in w] for w in ['xy', 'z']])
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
