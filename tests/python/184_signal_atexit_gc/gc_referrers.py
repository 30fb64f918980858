# gc.get_referrers / get_referents / get_objects: membership facts that hold
# on CPython and on gilpy (no counts: the two heaps differ).
import gc
import sys
import threading


def has(seq, obj):
    return any(x is obj for x in seq)


class Plain:
    pass


class Slotted:
    __slots__ = ("a", "b")


class WithDict:
    pass


class BigTuple:
    pass


target = ["the target"]          # a list: tracked on both interpreters

inst = Plain()
inst.attr = target
slotted = Slotted()
slotted.b = target
with_dict = WithDict()
with_dict.__dict__["k"] = target  # a real __dict__
lst = [1, 2, target]
big_list = list(range(1000)) + [target]
tup = ("x", target)
big_tup = tuple(range(100)) + (target,)
dct = {"k": target, "z": [1]}
key_dct = {1: target, 2: []}
st = {id(target), "s", (target and "t")}


class Holder:
    cls_attr = target


def make_closure():
    captured = target

    def inner():
        return captured
    return inner


closure = make_closure()

refs = gc.get_referrers(target)
print("instance", has(refs, inst))
print("slots", has(refs, slotted))
print("dict-backed instance's dict", has(refs, with_dict.__dict__))
print("list", has(refs, lst))
print("big list", has(refs, big_list))
print("tuple", has(refs, tup))
print("big tuple", has(refs, big_tup))
print("dict", has(refs, dct))
print("dict with int keys", has(refs, key_dct))
print("module globals", has(refs, globals()))
print("class dict", has(refs, Holder.__dict__) or any(type(r) is dict and r.get("cls_attr") is target for r in refs))
print("closure cell", has(refs, closure.__closure__[0]))
print("nothing else is a non-object:", all(isinstance(r, object) for r in refs))


def frame_holder():
    local = target
    return sys._getframe()


# (A finished frame: CPython reports a running frame's locals only once its
# frame object owns them.)
fr = frame_holder()
print("frame", has(gc.get_referrers(target), fr))
del fr

# Several objects at once.
other = {"other": 1}
holds_other = [other]
both = gc.get_referrers(target, other)
print("either of two", has(both, lst) and has(both, holds_other))

# A type is referred to by its instances and subclasses' bases.
class Sub(Plain):
    pass


trefs = gc.get_referrers(Plain)
print("instance -> type", has(trefs, inst))
print("subclass bases", has(trefs, Sub.__bases__))

# get_referents
print("list referents", sorted(gc.get_referents([3, 1, 2])))
print("tuple referents", gc.get_referents((0, 0, 0)))
print("dict referents", sorted(gc.get_referents({1: 3, 5: 7})))
print("str-keyed dict referents", sorted(gc.get_referents({"a": 1, "b": 2})))
print("atoms", gc.get_referents(1, "a", 4j, 2.5, None))
print("several", sorted(gc.get_referents([1, 2], {3: 4}, (0, 0, 0))))
r = gc.get_referents(inst)
print("instance referents: type and value", has(r, Plain), has(r, target))
r = gc.get_referents(slotted)
print("slots referents", has(r, Slotted), has(r, target))
r = gc.get_referents(closure)
print("function referents", has(r, closure.__code__), has(r, closure.__closure__), has(r, globals()))
r = gc.get_referents(closure.__closure__[0])
print("cell referents", has(r, target))
m = inst.__init__ if False else closure.__get__(inst)
r = gc.get_referents(m)
print("method referents", has(r, closure), has(r, inst))
r = gc.get_referents(sys.modules[__name__])
print("module referents", has(r, globals()))

# get_objects
objs = gc.get_objects()
print("objects: list", has(objs, lst), "instance", has(objs, inst), "class", has(objs, Plain),
      "function", has(objs, closure), "module", has(objs, sys.modules[__name__]))
print("objects: no atoms", not any(type(o) in (int, str, float, bytes, complex, bool) for o in objs))
print("objects generation argument", has(gc.get_objects(generation=None), lst))
try:
    gc.get_objects(generation=3)
except ValueError as e:
    print("ValueError", e)

# Leak hunting: who keeps a dropped object alive?
class Leaky:
    pass


registry = {"cache": []}
leaked = Leaky()
registry["cache"].append(leaked)
del leaked
found = [o for o in gc.get_objects() if type(o) is Leaky]
print("leaked instances", len(found))
holder = [r for r in gc.get_referrers(found[0]) if r is not found]
print("held by the cache list", has(holder, registry["cache"]))
chain = [r for r in gc.get_referrers(registry["cache"]) if isinstance(r, dict)]
print("which is held by the registry", has(chain, registry))
del found, holder, chain

# With other threads allocating meanwhile.
stop = threading.Event()


def churn():
    while not stop.is_set():
        [[i] * 3 for i in range(100)]


threads = [threading.Thread(target=churn) for _ in range(2)]
for t in threads:
    t.start()
ok = True
for _ in range(5):
    ok = ok and has(gc.get_referrers(target), lst) and has(gc.get_objects(), inst)
stop.set()
for t in threads:
    t.join()
print("with threads", ok)
