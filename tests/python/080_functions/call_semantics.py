def mutate(lst, n):
    lst.append(n)
    n += 1
    return n
data = [1]; num = 5
print(mutate(data, num), data, num)
def rebind(lst):
    lst = [99]
    return lst
print(rebind(data), data)
def noret(): pass
print(noret(), (lambda: None)())
def multi(): return 1, 2, 3
a, b, c = multi()
print(a, b, c, multi())
def early(x):
    if x: return 'early'
    return 'late'
print(early(1), early(0))
def kw(**k): return k
print(kw(**{'a-b': 1}), kw(**dict(x=1)))
order = []
def arg(x):
    order.append(x); return x
def three(a, b, c): return a
three(arg(1), c=arg(3), b=arg(2))
print(order)
