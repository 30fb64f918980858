# Found by the differential fuzzer (session 10).
# bool bases and exponents are the ints 0 and 1: True ** (10**127) is 1 at once
# (gilpy tried to size a result of 10**127 bits and raised MemoryError).
print(True ** (10**127), False ** (10**127), True ** 0, True ** True, 2 ** True, (-1) ** True)
print(pow(True, 10**30, 7), pow(False, 10**30, 7), type(True ** 2).__name__, type(True ** -1).__name__, True ** -1)
# Decimal %-formatting obeys sys.set_int_max_str_digits as str() does ('%d' % (-13 << 2**31)
# printed 646 million digits); other bases do not.
import sys
x = 10**5000
for f in (lambda: '%d' % x, lambda: '%i' % x, lambda: '%u' % x, lambda: '%5d' % -x, lambda: b'%d' % x,
          lambda: '%x' % x, lambda: '%o' % x, lambda: format(x, 'd'), lambda: f'{x}', lambda: '%s' % x):
    try:
        print(len(f()))
    except ValueError as e:
        print('ValueError', e)
sys.set_int_max_str_digits(6000)
print(len('%d' % x), len(b'%i' % -x))
