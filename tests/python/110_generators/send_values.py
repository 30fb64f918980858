def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
g = acc()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print('returned', e.value)
def echo():
    received = yield 'ready'
    while True:
        received = yield f'got {received}'
e = echo()
print(e.send(None), e.send(1), e.send('x'))
g2 = acc()
try:
    g2.send(1)
except TypeError as ex:
    print(ex)
