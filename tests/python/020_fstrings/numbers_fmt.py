vals = [0, 1, -1, 0.5, -0.5, 1e-10, 1e10, 123456789, 2**70, 1/3]
for v in vals:
    print(f"{v!r:>25} {v:>12.4g} {v:+.3e}")
for v in [0, 5, 255, 65535, -255]:
    print(f"{v:#010x} {v:#b} {v:o} {v:,d}")
print(f"{12:c}{105:c}")
import decimal
print(f"{decimal.Decimal('1.2345'):.2f}")
