if True:
    print("Hello"

if 2:
    print(123))
