a = [1, 2]
b = a
print(id(a) == id(b), id(a) == id([1, 2]) if False else 'skip', type(id(a)).__name__, id(a) > 0)
print(hash(42), hash(-1), hash(True), hash(3.0), hash((1, 'x')) == hash((1, 'x')), hash('abc') == hash('ab' + 'c'))
print(repr('quote\'s'), repr("dq\""), repr('both\'"'), repr('\n\t\\'), repr('ü😀'), repr(b'\xc3\xbc'), repr(1.0), repr([1, '1']))
print(ascii('ü😀\n'), ascii(['é', 1]), ascii(b'x'), ascii('plain'), ascii('\u200b'))
print(format(3.14159, '.2f'), format(42), format('s', '>3'), format(255, '#x'), format(1e6, ',.0f'))
print(chr(65), chr(0x263A), chr(0x10FFFF) == '\U0010ffff', ord('A'), ord('☺'), ord(b'a'), ord(bytearray(b'z')))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord('ab'), lambda: ord('')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(bin(10), bin(-10), oct(64), oct(-8), hex(255), hex(-255), hex(2 ** 70), bin(0), hex(0))
try:
    hex(1.5)
except TypeError as e:
    print(e)
