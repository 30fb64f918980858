# What a sequence pattern accepts: collections.abc.Sequence subclasses and
# registrations, deque, and how items are fetched.
from collections import deque
from collections.abc import Sequence

class Seq(Sequence):
    def __init__(self, *items):
        self.items = items
    def __len__(self):
        print("  len")
        return len(self.items)
    def __getitem__(self, i):
        print("  getitem", i)
        return self.items[i]

match Seq(1, 2, 3):
    case [a, b, c]:
        print("Seq unpacked", a, b, c)
match Seq(1, 2, 3, 4):
    case [first, *_, last]:
        print("Seq indexed", first, last)

match deque([1, 2]):
    case [a, b]:
        print("deque", a, b)

class Plain:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError(i)
match Plain():
    case [a, b]:
        print("no: Plain is not a Sequence")
    case _:
        print("Plain is not a sequence")
Sequence.register(Plain)
match Plain():
    case [a, b]:
        print("registered Plain", a, b)

# str subclasses never match sequence patterns.
class S(str):
    pass
match S("ab"):
    case [a, b]:
        print("no")
    case _:
        print("str subclass is not a sequence")

# memoryview and range are sequences.
match memoryview(b"ab"):
    case [a, b]:
        print("memoryview", a, b)
match range(2, 5):
    case [a, *rest]:
        print("range", a, rest)

# Iterators and generators are not sequences.
match (x for x in [1]):
    case [a]:
        print("no")
    case _:
        print("generator is not a sequence")
