class S(list):
    def __iter__(self): return super().__iter__()
o = S([1, 2])
o.extend(o); print(o)
o += o; print(o)
o[len(o):] = o; print(o)
