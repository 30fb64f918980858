# An empty sequence repeated 2**63 - 1 times is empty at once (a loop over the
# count hung: found by difffuzz); a non-empty one is a MemoryError.
import array, collections
N = 2**63 - 1
for make in (list, tuple, str, bytes, bytearray, lambda: array.array('b'), collections.deque, lambda: collections.UserList()):
    x = make()
    try: print(type(x).__name__, len(x * N), len(N * x))
    except Exception as e: print(type(x).__name__, type(e).__name__, e)
    try:
        y = make(); y *= N; print(" imul", len(y))
    except Exception as e: print(" imul", type(e).__name__, e)
for make in (lambda: [1], lambda: (1,), lambda: 'a', lambda: b'a', lambda: bytearray(b'a'), lambda: array.array('b', [1])):
    x = make()
    try:
        x * N
    except MemoryError:
        print(type(x).__name__, "MemoryError")
    try:
        x *= N
    except MemoryError:
        print(type(x).__name__, "*= MemoryError")
# A count that does not fit a Py_ssize_t is an OverflowError whatever its sign
# (an empty list times -10**20 was [] on gilpy: found by difffuzz).
class Big:
    def __index__(self): return -10**20
for make in (list, tuple, str, bytes, bytearray, lambda: array.array('b'), collections.deque, lambda: memoryview(b'')):
    for n in (-(10**20), 10**20, -(2**63), 2**63, Big()):
        for op in ('*', '*=', 'r*'):
            x = make()
            try:
                if op == '*': r = x * n
                elif op == 'r*': r = n * x
                else:
                    x *= n; r = x
                print(type(x).__name__, op, 'ok', len(r))
            except Exception as e:
                print(type(x).__name__, op, type(e).__name__, e)
