x, y = 10, "s"
print(f"{x=}", f"{y=}", f"{x + 1=}", f"{x = }", f"{x=:>5}", f"{y=!s}", f"{x*2 = :04}")
def f(a): return a * 3
print(f"{f(2)=}", f"{[1,2]=}")
