b = b'\x01\x02\xff'
print([x for x in b], sum(b), max(b), sorted(b'cab'), list(reversed(b)), tuple(b))
print(b'a' < b'b', b'abc' < b'abd', b'ab' < b'abc', b'' == b'', b'a' == 'a', bytes(2) == b'\0\0')
print(int.from_bytes(b, 'big'), bytes(reversed(b)), b[0:1] == b'\x01', type(b[0]).__name__, type(b[0:1]).__name__)
d = {b'k': 1}
print(d[b'k'], b'k' in d, bytes([1]) * 3, b'abc'.count(97), b'xyz'.find(121))
