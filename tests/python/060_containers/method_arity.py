# Methods CPython defines as METH_NOARGS / METH_O reject other argument counts
# and keywords, naming the receiver's type.
import collections


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class MyBytes(bytes):
    pass


calls = [
    (b'ab', 'upper', (1,)), (b'ab', 'isalnum', (1, 2)), (b'ab', 'join', ()), (b'ab', 'partition', (b'a', b'b')),
    (b'ab', 'removeprefix', ()), (b'ab', 'zfill', ()), (MyBytes(b'x'), 'title', (1,)),
    (bytearray(b'ab'), 'copy', (1,)), (bytearray(b'ab'), 'reverse', (1,)), (bytearray(b'ab'), 'append', ()),
    (bytearray(b'ab'), 'extend', (b'a', b'b')), (bytearray(b'ab'), 'lower', (1,)),
    (collections.deque(), 'append', ()), (collections.deque(), 'appendleft', (1, 2)),
    (collections.deque(), 'extend', ()), (collections.deque(), 'extendleft', ()), (collections.deque(), 'count', ()),
    (collections.deque(), 'copy', (1,)), (collections.deque(), 'reverse', (1,)),
    (collections.defaultdict(), 'copy', (1,)),
    (range(3), 'count', ()), (range(3), 'index', (1, 2)), (slice(1), 'indices', ()),
    (type.__dict__, 'keys', (1,)), (type.__dict__, 'copy', (1,)), (int, 'mro', (1,)),
    (memoryview(b'ab'), 'tolist', (1,)), (memoryview(b'ab'), 'toreadonly', (1,)),
    (5, 'bit_length', (1,)), (True, 'bit_count', (1,)), (5, 'as_integer_ratio', (1,)), (5, 'conjugate', (1,)),
]
for obj, name, args in calls:
    show(lambda: getattr(obj, name)(*args))
show(lambda: bytearray().append(x=1))
show(lambda: collections.deque().copy(x=1))
show(lambda: bytes.upper(b'a', 1))
show(lambda: range.count(range(2), 1, 2))
# the right counts still work
d = collections.deque([1])
d.append(2)
d.extendleft([0])
ba = bytearray(b'ab')
ba.append(99)
ba.extend(b'd')
print(d, d.count(1), d.copy(), ba, ba.copy(), b'-'.join([b'a', b'b']), b'ab'.partition(b'a'), b'ab'.upper())
print(range(5).index(3), range(5).count(9), slice(1, 9, 2).indices(5), int.mro(), memoryview(b'ab').tolist())
print(sorted(type.__dict__.keys())[:2], (7).bit_length(), True.bit_count(), (6).as_integer_ratio())
