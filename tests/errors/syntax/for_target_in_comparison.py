data = [1, 2]
for x, -y in data:
    pass
