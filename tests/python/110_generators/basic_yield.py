def count(n):
    print('start')
    for i in range(n):
        print('yielding', i)
        yield i
    print('end')
g = count(2)
print('created')
print(next(g)); print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(list(count(3)), sum(count(4)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
