x = 1
y = 0
print('before')
print(x / y)
