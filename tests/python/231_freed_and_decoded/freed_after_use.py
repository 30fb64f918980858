# Objects a program has dropped are freed by gc.collect(), as CPython frees
# them at once: after an exhausted iterator, a finished generator, a repr,
# a suppressed exception in a with block; frame.clear() finalizes generators.
import gc
import sys
import warnings
import weakref
from collections import UserList


def check_free_after_iterating(make_iter, cls, args=()):
    # test.support.check_free_after_iterating, in the shape CPython's suite uses
    done = False

    class A(cls):
        def __del__(self):
            nonlocal done
            done = True
            try:
                next(it)
            except StopIteration:
                pass

    it = make_iter(A(*args))
    try:
        next(it)
    except StopIteration:
        pass
    gc.collect()
    gc.collect()
    return done


class Seq:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i < self.n:
            return i
        raise IndexError


for cls in (tuple, str, bytearray, bytes, list, UserList):
    print(cls.__name__, check_free_after_iterating(iter, cls), check_free_after_iterating(reversed, cls))
print("Seq", check_free_after_iterating(iter, Seq, (0,)))


def after_repr(kind):
    s = kind("gallahad")
    p = weakref.proxy(s)
    str(p) == str(s)
    s = None
    gc.collect()
    try:
        str(p)
        return "alive"
    except ReferenceError:
        return "freed"


print([after_repr(k) for k in (set, list, frozenset)])


class Obj:
    pass


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


def raiser(o):
    local = o
    raise ValueError(o)


def suppressed():
    o = Obj()
    wr = weakref.ref(o)
    with Quiet():
        raiser(o)
    o = None
    gc.collect()
    return wr() is None


print("suppressed exception freed:", suppressed())


# A finished generator drops its variables even when a traceback saw its frame.
saved = []


def gen(obj):
    i = 0
    try:
        yield 1
        raise IndexError
    except IndexError:
        saved.append(sys.exc_info()[2])
        return


def run_gen():
    o = Obj()
    wr = weakref.ref(o)
    g = gen(o)
    print(list(g), g.gi_frame)
    print(sorted(saved[0].tb_frame.f_locals))  # the traceback still shows them
    del o
    return wr


wr = run_gen()
saved.clear()
gc.collect()
print("generator's object freed:", wr() is None)


# frame.clear()
def g2():
    try:
        yield 1
    finally:
        print("finally ran")


g = g2()
next(g)
g.gi_frame.clear()
print(g.gi_frame, list(g))
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)


def h():
    x = [1]
    raise ValueError


try:
    h()
except ValueError as e:
    tb = e.__traceback__
fr = tb.tb_next.tb_frame
print(fr.f_locals)
fr.clear()
print(fr.f_locals)


async def coro():
    pass


c = coro()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c.cr_frame.clear()
print([str(x.message) for x in w])
c.close()


def g3():
    yield sys._getframe().clear()


try:
    next(g3())
except RuntimeError as e:
    print("RuntimeError:", e)
