def setg():
    global G1, G2
    G1, *G2 = range(4)
setg()
print(G1, G2)
for i, (k, v) in enumerate(sorted({'b': 2, 'a': 1}.items())):
    print(i, k, v)
print([(a, b) for a, b in zip('xy', 'uv')], {k: v for k, *v in [(1, 2, 3), (4, 5)]})
