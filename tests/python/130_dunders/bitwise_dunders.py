class B:
    def __init__(self, v): self.v = v
    def __repr__(self): return f'B({self.v})'
    def __and__(self, o): return B(self.v & o)
    def __rand__(self, o): return ('rand', o)
    def __or__(self, o): return B(self.v | o)
    def __ror__(self, o): return ('ror', o)
    def __xor__(self, o): return B(self.v ^ o)
    def __rxor__(self, o): return ('rxor', o)
    def __lshift__(self, o): return B(self.v << o)
    def __rlshift__(self, o): return ('rlshift', o)
    def __rshift__(self, o): return B(self.v >> o)
    def __rrshift__(self, o): return ('rrshift', o)
b = B(12)
print(b & 10, 10 & b, b | 3, 3 | b, b ^ 5, 5 ^ b, b << 2, 2 << b, b >> 1, 1 >> b)
