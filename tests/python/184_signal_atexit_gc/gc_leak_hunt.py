# Leak hunting as objgraph does it: find the dropped object with gc.get_objects(),
# then walk gc.get_referrers() breadth-first up to the module that keeps it.
# objgraph-style: find the chain of referrers keeping a dropped object alive.
import gc, sys, types

class Session:
    def __init__(self, name): self.name = name

class EventBus:
    def __init__(self): self.handlers = {}
    def subscribe(self, ev, fn): self.handlers.setdefault(ev, []).append(fn)

bus = EventBus()
def open_session(name):
    s = Session(name)
    bus.subscribe("tick", lambda: s.name)   # the leak: a closure kept by the bus
    return s

s = open_session("alpha")
del s
gc.collect()
leaks = [o for o in gc.get_objects() if isinstance(o, Session)]
print("leaked sessions:", [o.name for o in leaks])

def chain_to_module(obj, max_depth=8):
    """Breadth-first over get_referrers until a module's globals dict is reached."""
    here = sys._getframe()
    seen = {id(obj)}
    frontier = [(obj, [obj])]
    ignore = {id(frontier), id(globals().get("target"))}
    for _ in range(max_depth):
        nxt = []
        for o, path in frontier:
            for r in gc.get_referrers(o):
                if r is here or id(r) in seen or id(r) in ignore or r is frontier or r is nxt or isinstance(r, types.FrameType):
                    continue
                if isinstance(r, list) and any(x is path for x in r):
                    continue
                seen.add(id(r))
                p = path + [r]
                if isinstance(r, dict) and r.get("__name__") == "__main__":
                    return p
                nxt.append((r, p))
        frontier = nxt
    return None

def hunt():
    ls = [o for o in gc.get_objects() if isinstance(o, Session)]
    t = ls.pop()
    del ls
    return chain_to_module(t)
del leaks
path = hunt()
def describe(o):
    if isinstance(o, dict) and o.get("__name__") == "__main__": return "module globals"
    if isinstance(o, types.CellType): return "cell"
    if isinstance(o, types.FunctionType): return "function " + o.__qualname__
    return type(o).__name__
print(" <- ".join(describe(o) for o in path) if path else "no chain")
