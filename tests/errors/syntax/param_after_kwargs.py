def f(**kwargs, a: int):
    pass
