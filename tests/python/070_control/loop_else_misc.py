def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        return True
    return False
print([n for n in range(30) if is_prime(n)])
i = 0
while i < 3:
    i += 1
    if i == 10:
        break
else:
    print('while else', i)
for x in iter([]):
    print('never')
else:
    print('empty iter else')
