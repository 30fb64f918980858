def f():
    try:
        raise ValueError('original')
    finally:
        raise RuntimeError('from finally')
f()
