# __index__ that empties the array being sliced or indexed: lengths are read after the conversions.
import array
def t(name, f):
    try: print(name, "->", f())
    except Exception as e: print(name, "!", type(e).__name__, e)
class Shrink:
    def __init__(self, a, v): self.a, self.v = a, v
    def __index__(self):
        del self.a[:]
        return self.v
a = array.array('i', range(10))
t("getslice", lambda: a[Shrink(a, 2):Shrink(a, 8)])
a = array.array('i', range(10))
def s1(): a[Shrink(a, 2):Shrink(a, 8)] = array.array('i', [1]); return a
t("setslice", s1)
a = array.array('i', range(10))
a = array.array('i', range(10))
t("getitem", lambda: a[Shrink(a, 3)])
