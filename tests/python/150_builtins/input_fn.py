name = input()
print('hello', name)
age = input('age? ')
print('age is', int(age) + 1)
rest = []
try:
    while True:
        rest.append(input())
except EOFError as e:
    print('EOF', repr(str(e)))
print(rest)
