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
