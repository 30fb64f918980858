import numbers
from fractions import Fraction
from decimal import Decimal
for v in [1, True, 1.5, 1j, Fraction(1, 3), Decimal('1.1')]:
    print(type(v).__name__, isinstance(v, numbers.Number), isinstance(v, numbers.Integral), isinstance(v, numbers.Real), isinstance(v, numbers.Complex))
print(1 + 1.0, type(1 + 1.0).__name__, type(1 + 1j).__name__, type(1.0 + 1j).__name__, type(True + 1).__name__)
print(1 == 1.0 == Fraction(1) == Decimal(1), hash(1) == hash(1.0) == hash(Fraction(1)), Fraction(1, 2) == 0.5)
print(int.__add__(1, 2), float.__mul__(2.0, 3.0), int.__add__(1, 2.0), (1).__radd__(2), (2.0).__rtruediv__(1))
print(sorted([3, 1.5, True, Fraction(1, 4), -2]))
