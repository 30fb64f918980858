# gc: the collector interface (counts are not meaningful on a tracing collector,
# so only their shapes and the settable state are shown).
import gc

print(gc.isenabled(), gc.collect(), gc.collect(0), gc.collect(generation=1))
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.get_count()).__name__, len(gc.get_count()))
old = gc.get_threshold()
print(old)
gc.set_threshold(100, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError', e)
print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked([]), gc.is_tracked({'a': []}), gc.is_tracked(None))
print(gc.garbage, type(gc.callbacks).__name__, isinstance(gc.get_objects(), list))
events = []
def cb(phase, info):
    events.append((phase, info['generation']))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.set_debug(gc.DEBUG_STATS)
print(gc.get_debug())
gc.set_debug(0)
gc.freeze()
print(gc.get_freeze_count() >= 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
class Cycle:
    pass
a = Cycle(); b = Cycle(); a.b = b; b.a = a
del a, b
print(gc.collect() >= 0)
