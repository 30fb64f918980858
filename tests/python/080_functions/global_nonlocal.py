g = 1
def read(): return g
def write():
    global g
    g = 2
def shadow():
    g = 3
    return g
print(read(), shadow(), g); write(); print(g)
def unbound():
    try:
        print(g)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    g = 4
unbound()
def outer():
    a = 1
    def mid():
        nonlocal a
        a += 1
        def inner():
            nonlocal a
            a *= 10
        inner()
    mid()
    return a
print(outer())
def new_global():
    global brand_new
    brand_new = 'created'
new_global()
print(brand_new)
x = 'module'
class C:
    x = 'class'
    def m(self):
        return x
    y = [x for _ in range(1)]
print(C().m(), C.y)
