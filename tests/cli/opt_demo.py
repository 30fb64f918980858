"""module docstring"""
import sys


def f():
    "function docstring"
    return 1


class C:
    "class docstring"


print(sys.flags.optimize, __debug__, __doc__, f.__doc__, C.__doc__)
try:
    assert False, "assertion ran"
    print("assert removed")
except AssertionError as e:
    print(e)
if __debug__:
    print("__debug__ branch ran")
