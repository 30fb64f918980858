for i in range(10):
    if i: continue
    break
else:
    pass
for a, (b, c) in d: pass
for x, in y: pass
while True:
    pass
else:
    x = 1
