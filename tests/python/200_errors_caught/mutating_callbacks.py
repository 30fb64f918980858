# Python callbacks (__index__, __eq__, key=, __lt__) that mutate the container being
# operated on: a clean exception or a consistent result, never a crash.
def t(name, f):
    try:
        print(name, "->", repr(f())[:60])
    except Exception as e:
        print(name, "!", type(e).__name__, e)

lst = [1, 2, 3]
class ClearList:
    def __init__(self, target, value): self.target, self.value = target, value
    def __index__(self):
        self.target.clear()
        return self.value
t("list[i] clears", lambda: lst[ClearList(lst, 1)])
lst = [1, 2, 3]
def setit(): lst[ClearList(lst, 1)] = 9
t("list[i] = v clears", setit)
lst = [1, 2, 3]
def delit(): del lst[ClearList(lst, 0)]
t("del list[i] clears", delit)
lst = [1, 2, 3, 4, 5]
t("list[i:j] clears", lambda: lst[ClearList(lst, 1):ClearList(lst, 4)])
lst = [1, 2, 3, 4, 5]
def setslice(): lst[ClearList(lst, 1):4] = [7, 8]; return lst
t("list[i:j] = v clears", setslice)
lst = [1, 2, 3, 4, 5]
def setext(): lst[::ClearList(lst, 2)] = [7, 8, 9]
t("list[::k] = v clears", setext)
lst = [1, 2, 3, 4, 5]
def delslice(): del lst[ClearList(lst, 1)::2]; return lst
t("del list[i::2] clears", delslice)
lst = [1, 2, 3]
t("insert clears", lambda: (lst.insert(ClearList(lst, 1), 5), lst))
ba = bytearray(b"abcdef")
t("bytearray[i] clears", lambda: ba[ClearList(ba, 2)])
ba = bytearray(b"abcdef")
def ba_set(): ba[4] = ClearList(ba, 65)
t("bytearray[i] = v clears", ba_set)
l2 = [3, 1, 2]
t("sort key appends", lambda: l2.sort(key=lambda x: (l2.append(x), x)[1]))
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        big.clear()
        return self.v < o.v
big = [Cmp(i) for i in range(20, 0, -1)]
t("sort __lt__ clears", lambda: (big.sort(), len(big)))
class BadEq:
    def __hash__(self): return 1
    def __eq__(self, o):
        dd.clear()
        return False
dd = {}
dd[BadEq()] = 1
t("dict lookup clears", lambda: dd.get(BadEq()))
class EqClears:
    def __eq__(self, o):
        items.clear()
        return False
items = [EqClears() for _ in range(5)]
t("list.index clears", lambda: items.index(0))
items = [EqClears() for _ in range(5)]
t("list.count clears", lambda: items.count(0))
items = [EqClears() for _ in range(5)]
t("in clears", lambda: 0 in items)
