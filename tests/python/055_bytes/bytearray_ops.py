ba = bytearray(b'abc')
ba.append(100); ba.extend(b'ef'); ba.insert(0, 64); print(ba)
ba[0] = 65; ba[1:3] = b'XYZ'; print(ba, len(ba))
del ba[0]; del ba[::2]; print(ba)
print(ba.pop(), ba.pop(0), ba)
ba += b'123'; print(ba, ba * 2)
ba.reverse(); print(ba); ba.remove(ord('2')); print(ba)
ba.clear(); print(ba, bytearray(5), bytearray(range(3)), bytearray('hé', 'utf-8'))
b2 = bytearray(b'hello'); b2[::2] = b'HLO'; print(b2, b2.upper(), b2.find(b'l'), b2.decode())
print(bytearray(b'x') == b'x', bytes(b2), b2.copy() is not b2, b2[1], b2[1:3])
for bad in [lambda: ba.pop(), lambda: b2.__setitem__(0, 300), lambda: hash(b2), lambda: b2.remove(0)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
