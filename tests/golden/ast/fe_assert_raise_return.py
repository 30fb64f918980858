assert x
assert x, "msg"
raise
raise E
raise E("m") from cause
def f():
    return
def g():
    return 1, 2
def h():
    return *a, b
