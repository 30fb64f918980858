cases = ['42', '  -17  ', '+5', '0', '1_000', '0x1f', '1e3', '', ' ', '12a', '١٢٣', '0_', '_1', '1__0', '3.0', '99999999999999999999999']
for s in cases:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
for s, base in [('ff', 16), ('0xff', 16), ('0xff', 0), ('0o17', 0), ('0b101', 0), ('z', 36), ('777', 8), ('102', 2), ('010', 0), ('10', 37), ('11', 1)]:
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(repr(s), base, 'ValueError:', e)
print(int(3.99), int(-3.99), int(True), int(b'12'), int(bytearray(b'7')), int(' \t 8\n'))
for bad in [float('inf'), float('nan'), None, [1], '1.5']:
    try:
        print(int(bad))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
