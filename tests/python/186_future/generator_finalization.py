# Abandoned generators are closed when collected (their finally blocks run),
# as CPython does when the last reference goes; async generators call sys's
# asyncgen hooks.
import gc
import sys


def g():
    try:
        yield 1
    finally:
        print("finally ran")


x = g()
next(x)
del x
gc.collect()
print("after collect")

seen = []
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=lambda ag: seen.append(("first", ag.__name__)),
                       finalizer=lambda ag: seen.append(("final", ag.__name__)))


async def agen():
    try:
        yield 1
    finally:
        pass


a = agen()
try:
    a.__anext__().send(None)
except StopIteration:
    pass
del a
gc.collect()
print(seen[0])  # the finalizer hook runs once it is collected (not checked: timing)
sys.set_asyncgen_hooks(*old)
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(e)
