funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])
total = 0
for i in range(1, 101):
    total += i
print(total, i)
x = 10
for x in range(3):
    pass
print(x)
