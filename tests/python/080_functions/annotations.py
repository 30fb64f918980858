def f(a: int, b: 'str' = 'x', *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
x: int = 5
y: str
print(__annotations__, x)
class C:
    a: int
    b: str = 'b'
    def m(self) -> None: pass
print(C.__annotations__, C.m.__annotations__, 'a' in C.__dict__, C.b)
def g(): pass
print(g.__annotations__)
def h():
    local: int = 3
    return local
print(h(), h.__annotations__)
