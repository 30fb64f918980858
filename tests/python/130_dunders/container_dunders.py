class Box:
    def __init__(self): self.d = {}
    def __getitem__(self, k): print('get', k); return self.d[k]
    def __setitem__(self, k, v): print('set', k, v); self.d[k] = v
    def __delitem__(self, k): print('del', k); del self.d[k]
    def __len__(self): return len(self.d)
    def __contains__(self, k): print('contains', k); return k in self.d
b = Box()
b['a'] = 1; b['s'] = 'x'; print(b['a'], len(b), 'a' in b, 'z' not in b)
del b['a']
print(len(b), bool(b))
b[1, 2] = 'tuple key'
print(b[1, 2])
class Empty:
    def __len__(self): return 0
print(bool(Empty()), not Empty())
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class MissingLen: pass
try:
    len(MissingLen())
except TypeError as e:
    print(e)
class BoolAndLen:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(BoolAndLen()))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
