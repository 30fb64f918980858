# A builtin sequence on the left of + or * lets a class's __radd__ / __rmul__
# on the right go first (CPython tries sq_concat / sq_repeat last), as
# xml.dom.minicompat.EmptyNodeList relies on.
from xml.dom.minicompat import EmptyNodeList, NodeList


class R:
    def __radd__(self, other):
        return ("radd", other)

    def __rmul__(self, other):
        return ("rmul", other)


class T(tuple):
    def __radd__(self, other):
        return ("T.radd", other)


for left in ([1], (1,), "s", b"b", bytearray(b"x")):
    print(left + R(), left * R())
print([1, 2] + EmptyNodeList(), type([1, 2] + EmptyNodeList()).__name__)
print([1] + NodeList([2]), (1,) + T((2,)), [1] + T((2,)))


class N:
    def __radd__(self, other):
        return NotImplemented


for left in ([1], (1,), "s"):
    try:
        left + N()
    except TypeError as e:
        print(e)
print([0] * 3, (1,) + (2,), "a" + "b")
try:
    [1] + 3
except TypeError as e:
    print(e)
import pyexpat
try:
    pyexpat.ParserCreate().ErrorCode = 1
except AttributeError as e:
    print(e)
