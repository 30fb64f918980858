def f():
    # comment
    x = (
