class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, **kw): return self.n + x + sum(rest) + sum(kw.values())
add5 = Adder(5)
print(add5(1), add5(1, 2, 3, k=4), callable(add5), callable(Adder), callable(5), list(map(add5, [1, 2])))
class Memo:
    def __init__(self, f): self.f, self.cache = f, {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]
@Memo
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
try:
    object()()
except TypeError as e:
    print(e)
