class Tick:
    def __await__(self):
        yield 'tick'
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
    print('agen finished')
def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value
g = agen(3)
print(type(g).__name__, g.__name__)
out = []
while True:
    try:
        out.append(drive(g.__anext__()))
    except StopAsyncIteration:
        break
print(out)
async def collect():
    return [x async for x in agen(2)]
print(drive(collect()))
async def echo():
    received = None
    while True:
        received = yield f'echo {received}'
e = echo()
print(drive(e.asend(None)), drive(e.asend('hi')), drive(e.asend('there')))
drive(e.aclose())
print('closed')
async def ag_exc():
    try:
        yield 1
    except ValueError:
        yield 'handled'
a = ag_exc()
print(drive(a.__anext__()), drive(a.athrow(ValueError)))
drive(a.aclose())
print('ag_exc closed')
