a, *b = c
*a, = b
[*a, *b]
print(*a, *b)
x = *a, *b
for *a, b in c: pass
return_ = (*a,)
