import copy
orig = {'list': [1, [2, 3]], 'tuple': (1, [2]), 'n': 5}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig['list'][1].append(4); orig['tuple'][1].append(9); orig['n'] = 6
print(shallow, deep, sep='\n')
a = [1, 2]
b = list(a); c = a[:]; d = a.copy(); e = [*a]
a.append(3)
print(b, c, d, e)
s = {1, 2}; t = set(s); s.add(3); print(sorted(t))
x = [[]]
y = copy.deepcopy([x, x])
print(y[0] is y[1], y[0] is x)
