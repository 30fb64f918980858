grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
bad = [[0] * 3] * 3
bad[0][0] = 1
print(bad)
tree = {'name': 'root', 'kids': [{'name': 'a', 'kids': []}, {'name': 'b', 'kids': [{'name': 'c', 'kids': []}]}]}
def walk(n, depth=0):
    print('  ' * depth + n['name'])
    for k in n['kids']:
        walk(k, depth + 1)
walk(tree)
a = [1]
a.append(a)
print(a, repr(a))
d = {}
d['self'] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
print([[1, 2], [3]] == [[1, 2], [3]], [(1, {2: [3]})], {'a': {1, 2} == {2, 1}})
