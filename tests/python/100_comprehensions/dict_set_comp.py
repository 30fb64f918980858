print({x: x ** 2 for x in range(5)}, {v: k for k, v in enumerate('abc')})
print(sorted({c for c in 'mississippi'}), {x % 3 for x in range(10)}, {n: [m for m in range(n)] for n in range(3)})
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
print({(a, b): a * b for a in range(2) for b in range(2)}, {k: v for k, v in zip('ab', 'xy') if k != 'b'})
