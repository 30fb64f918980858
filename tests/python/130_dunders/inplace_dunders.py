class Acc:
    def __init__(self): self.log = []
    def __iadd__(self, o): self.log.append(('iadd', o)); return self
    def __isub__(self, o): self.log.append(('isub', o)); return self
    def __imul__(self, o): self.log.append(('imul', o)); return self
    def __itruediv__(self, o): self.log.append(('itruediv', o)); return self
    def __ifloordiv__(self, o): self.log.append(('ifloordiv', o)); return self
    def __imod__(self, o): self.log.append(('imod', o)); return self
    def __ipow__(self, o): self.log.append(('ipow', o)); return self
    def __iand__(self, o): self.log.append(('iand', o)); return self
    def __ior__(self, o): self.log.append(('ior', o)); return self
    def __ixor__(self, o): self.log.append(('ixor', o)); return self
    def __ilshift__(self, o): self.log.append(('ilshift', o)); return self
    def __irshift__(self, o): self.log.append(('irshift', o)); return self
    def __imatmul__(self, o): self.log.append(('imatmul', o)); return self
a = Acc(); orig = a
a += 1; a -= 2; a *= 3; a /= 4; a //= 5; a %= 6; a **= 7; a &= 8; a |= 9; a ^= 10; a <<= 11; a >>= 12; a @= 13
print(a.log, a is orig)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
x = OnlyAdd(1); y = x
x += 5
print(x.v, y.v, x is y)
class ReturnsNI:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return 'fell back to __add__'
r = ReturnsNI(); r += 1; print(r)
