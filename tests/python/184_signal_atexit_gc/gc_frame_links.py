# gc.collect() frees an object whose constructor's frame escaped (an exception
# was raised and caught beneath it, so a traceback named the frames), when
# the object was built inside a generator-based context manager. A suspended
# generator's frame has no f_back, and a finished frame nobody references
# must not keep its callers' frames (and their locals) alive.
import contextlib, gc, sys, weakref

class Resource:
    def __init__(self):
        self.payload = [0] * 1000
        helper()

def helper():
    try:
        raise AttributeError("probe")
    except AttributeError:
        pass

@contextlib.contextmanager
def part():
    yield

def test():
    with part():
        r = Resource()
        w = weakref.ref(r)
        del r
    gc.collect()
    return w() is None

def deeper(n):
    return deeper(n - 1) if n else test()

print("freed:", all(deeper(n) for n in range(0, 40, 7)))

def gen():
    yield sys._getframe().f_back is not None
    yield 2
g = gen()
print("running frame has a caller:", next(g))
print("suspended f_back:", g.gi_frame.f_back)
