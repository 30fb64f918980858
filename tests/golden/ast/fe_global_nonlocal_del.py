def f():
    global a, b
    x = 1
    def g():
        nonlocal x
        del x
del a, b[0], c.d, (e, f), [g]
