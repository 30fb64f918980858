class Step:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        yield self.tag
class ACM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        await Step('enter ' + self.name)
        print('aenter', self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Step('exit ' + self.name)
        print('aexit', self.name, et.__name__ if et else None)
        return et is KeyError
class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        await Step('next')
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async with ACM('a') as a, ACM('b') as b:
        print('body', a, b)
    async with ACM('swallow'):
        raise KeyError('gone')
    total = 0
    async for v in AIter(3):
        total += v
    else:
        print('async for else')
    return total
def run(coro):
    steps = []
    try:
        while True:
            steps.append(coro.send(None))
    except StopIteration as e:
        return e.value, steps
print(run(main()))
