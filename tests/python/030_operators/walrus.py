data = [1, 2, 3, 4, 5, 6]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * x) > 10], y)
total = 0
while (chunk := data[total:total + 2]):
    print(chunk)
    total += 2
print((a := 10) + a, a)
def f():
    [(z := i) for i in range(3)]
    return z
print(f())
print(any((hit := v) > 4 for v in data), hit)
