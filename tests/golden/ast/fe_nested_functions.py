def outer():
    x = 1
    def inner(y):
        def innermost():
            return x + y
        return innermost
    return inner
class A:
    class B:
        def m(self):
            pass
