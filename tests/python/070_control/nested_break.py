def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(find(m, 6), find(m, 10))
found = None
for row in m:
    for v in row:
        if v > 4:
            found = v
            break
    else:
        continue
    break
print(found)
out = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    finally:
        out.append('f%d' % i)
print(out)
def g():
    for i in range(3):
        try:
            return i
        finally:
            print('finally in loop', i)
print(g())
