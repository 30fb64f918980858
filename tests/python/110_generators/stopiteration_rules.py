def bad():
    yield 1
    raise StopIteration('leak')
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def uses_next():
    it = iter([])
    yield next(it)
try:
    list(uses_next())
except RuntimeError as e:
    print(e)
g = (x for x in [1])
print(next(g), next(g, 'default'))
def already():
    yield 1
a = already()
print(list(a), list(a))
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print(e)
