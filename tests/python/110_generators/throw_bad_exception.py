# gen.throw(cls) instantiates cls inside the generator: an error doing so (here __new__ returning
# the class itself) is thrown in; raise shows both types in its message.
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls
def g():
    yield
gen = g()
try:
    gen.throw(E)
except TypeError as e:
    print(e)
try:
    raise E
except TypeError as e:
    print(e)
def g2():
    try:
        yield
    except TypeError as e:
        print("inside", e)
        yield 5
gen = g2(); next(gen)
print(gen.throw(E))
