def foo(a=1, /*, b, c):
    pass
