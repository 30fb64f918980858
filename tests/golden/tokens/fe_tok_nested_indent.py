class A:
    def f(self):
        if x:
            return 1
        return 2
    def g(self):
        pass
x = 1
