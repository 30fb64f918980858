def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-5, 0, 3, 10, 10 ** 10]:
    print(n, classify(n))
x = 5
if x: print('one-line if')
if not x: print('no')
else: print('one-line else')
if x > 1:
    if x > 3:
        if x > 4:
            print('deep')
if []: print('empty list truthy?')
elif {}: print('empty dict?')
elif 0.0: print('zero float?')
else: print('all falsy')
