cases = ['1.5', '  -2.25 ', '1e10', '1E-3', 'inf', '-Infinity', 'nan', 'NaN', '+inf', '1_000.5', '.5', '5.', '0x10', 'abc', '', '1e', '1.2.3', '١.٥', '1_', 'infinityx']
for s in cases:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
print(float(10 ** 20), float(-7), float(True))
try:
    float(10 ** 400)
except OverflowError as e:
    print('OverflowError', e)
try:
    float([])
except TypeError as e:
    print('TypeError', e)
