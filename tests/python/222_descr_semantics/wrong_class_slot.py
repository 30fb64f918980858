# A slot wrapper taken from another class is refused when the operator
# calls it, as when it is called directly (bpo-37619).
class A(int):
    __eq__ = str.__eq__
    __add__ = str.__add__
    __lt__ = str.__lt__
a = A()
for name, f in [("==", lambda: a == a), ("+", lambda: a + a), ("<", lambda: a < 1),
                ("call", lambda: A.__eq__(a, a)), ("bound", lambda: a.__eq__(a))]:
    try:
        print(name, f())
    except TypeError as e:
        print(name, "TypeError:", e)
class I(int):
    __init__ = str.__init__
try:
    I(5)
except TypeError as e:
    print("init TypeError:", e)
# The right class's slot wrappers keep working.
class B(int):
    __eq__ = int.__eq__
    __add__ = int.__add__
print(B(2) == B(2), B(2) + B(3))
