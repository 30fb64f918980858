for v in [0, 1, 2, None, '', 'x', [], [0]]:
    print(repr(v), 'truthy' if v else 'falsy', 'small' if v == 0 else 'two' if v == 2 else 'other')
x = 5
print((lambda: 'neg' if x < 0 else 'pos')(), [i if i % 2 else -i for i in range(5)])
print(1 / 0 if False else 'lazy')
