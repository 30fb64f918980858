def add(a, b=1):
    # comment
    return a + b  # trailing

x = add(2) ** 3 // 4
s = 'string' "dq" '''triple'''
