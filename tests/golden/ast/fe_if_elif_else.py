if a:
    pass
elif b:
    x = 1
elif c:
    pass
else:
    y = 2
if x: pass
else:
    if y: pass
