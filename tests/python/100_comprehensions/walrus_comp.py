data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 2) > 6], y)
running = 0
print([running := running + x for x in data], running)
def f():
    [last := v for v in 'abc']
    return last
print(f())
