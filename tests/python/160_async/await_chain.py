import collections
class Future:
    def __init__(self): self.done, self.result = False, None
    def __await__(self):
        if not self.done:
            yield self
        return self.result
async def worker(name, fut):
    print(name, 'waiting')
    v = await fut
    print(name, 'got', v)
    return name + ':' + str(v)
class Loop:
    """A tiny round-robin scheduler."""
    def __init__(self): self.ready = collections.deque()
    def spawn(self, coro): self.ready.append((coro, None))
    def run(self, resolve):
        results = []
        while self.ready:
            coro, val = self.ready.popleft()
            try:
                fut = coro.send(val)
            except StopIteration as e:
                results.append(e.value)
                continue
            fut.done, fut.result = True, resolve(fut)
            self.ready.append((coro, None))
        return results
loop = Loop()
f1, f2 = Future(), Future()
ids = {id(f1): 1, id(f2): 2}
loop.spawn(worker('a', f1))
loop.spawn(worker('b', f2))
print(loop.run(lambda f: ids[id(f)] * 100))
