a = bytearray(b'abc')
b = a
b += b'd'
print(a, a is b)
c = bytes(a)
a[0] = 122
print(a, c)
lst = [bytearray(b'x')] * 2
lst[0].append(121)
print(lst)
s = bytearray()
for i in range(5):
    s += bytes([48 + i])
print(s, s.decode(), bytearray(b'abc')[::-1], bytearray(b'1') + b'2', type(bytearray(b'1') + b'2').__name__, type(b'1' + bytearray(b'2')).__name__)
