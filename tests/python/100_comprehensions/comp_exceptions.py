try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print('caught', e)
def gen_raises():
    yield 1
    raise ValueError('inside gen')
try:
    [x for x in gen_raises()]
except ValueError as e:
    print('caught', e)
g = (1 / x for x in [2, 0, 4])
print(next(g))
try:
    next(g)
except ZeroDivisionError:
    print('gen raised')
print(next(g, 'exhausted'))
