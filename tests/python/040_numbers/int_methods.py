for n in [0, 1, 5, 255, 1024, -1, -128, 2 ** 64]:
    print(n, n.bit_length(), bin(n).count('1'), n.bit_count() if hasattr(n, 'bit_count') else '')
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True))
print(int.from_bytes(b'', 'big'), (2 ** 64).to_bytes(9, 'big'), (0).to_bytes(0, 'big'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError', e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError', e)
print((10).as_integer_ratio(), (7).numerator, (7).denominator, (7).real, (7).imag, (7).conjugate())
print(int.__name__, (5).__index__(), (-5).__abs__(), (3).__neg__(), (2).__pow__(10))
print(int(True).__class__.__name__, isinstance(True, int), issubclass(bool, int))
