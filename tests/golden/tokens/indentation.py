class A:
    def f(self):
        if True:
            return (1,
                    2)
        x = [
            3,
        ]

    def g(self): pass
y = 1 \
    + 2
