class Susp:
    def __await__(self):
        yield 'suspended'
async def fails():
    await Susp()
    raise ValueError('inside coroutine')
c = fails()
print(c.send(None))
try:
    c.send(None)
except ValueError as e:
    print('ValueError', e)
async def catcher():
    try:
        await Susp()
    except KeyError as e:
        return f'caught {e!r}'
c = catcher()
c.send(None)
try:
    c.throw(KeyError('thrown'))
except StopIteration as e:
    print(e.value)
async def simple(): return 1
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print('done', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
fresh = simple()
try:
    fresh.send(5)
except TypeError as e:
    print(e)
fresh.close()
class BadAwait:
    def __await__(self): return 5
async def bad():
    await BadAwait()
try:
    bad().send(None)
except TypeError as e:
    print(e)
async def await_int():
    await 5
try:
    await_int().send(None)
except TypeError as e:
    print(e)
