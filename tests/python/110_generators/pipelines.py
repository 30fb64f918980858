def read_lines():
    text = "alpha 1\nbeta 22\n# comment\ngamma 333\n\ndelta 4444"
    for line in text.split('\n'):
        yield line
def non_comments(lines):
    for l in lines:
        if l and not l.startswith('#'):
            yield l
def parse(lines):
    for l in lines:
        name, num = l.split()
        yield name, int(num)
def running_total(pairs):
    total = 0
    for name, n in pairs:
        total += n
        yield name, n, total
for row in running_total(parse(non_comments(read_lines()))):
    print(row)
def take(n, it):
    for _ in range(n):
        yield next(it)
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals() if x % 2))))
