for i in range(3):
    print('range', i)
for ch in 'ab':
    print('str', ch)
for k, v in {'x': 1, 'y': 2}.items():
    print('dict', k, v)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print('nested unpack', i, a, b)
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print('not printed')
for x in []:
    pass
else:
    print('empty for-else')
for x in range(3):
    pass
print('loop var after loop', x)
for x in range(10):
    if x % 2:
        continue
    if x > 6:
        break
    print('even', x)
lst = [1, 2, 3]
for item in lst:
    if item == 1:
        lst.append(4)
print(lst)
for i in range(2):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
    else:
        print('inner else')
