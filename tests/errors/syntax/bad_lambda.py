lambda x: (yield)
x = lambda: = 1
