# Helper for cli.py: disassembled by `gilpy --dis` and `gilpy -m dis`.
import os


def walk(top, depth=0):
    for name in sorted(os.listdir(top)):
        path = os.path.join(top, name)
        if os.path.isdir(path) and depth < 2:
            yield from walk(path, depth + 1)
        else:
            yield path


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by=1):
        try:
            self.n += by
        except TypeError:
            raise ValueError(by) from None
        return [k for k in range(self.n) if k % 2]


total = sum(len(p) for p in walk("."))
