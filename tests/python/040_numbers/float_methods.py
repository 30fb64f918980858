for v in [0.5, 3.0, -2.75, 1e-3, 10.0]:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v)
print((2.5).__round__(), round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2), round(1234.5, -2))
print(round(1.5), type(round(1.5)).__name__, type(round(1.5, 0)).__name__, round(5, -1), round(15, -1), round(25, -1))
import math
print(math.floor(-1.5), math.ceil(-1.5), math.trunc(-1.5), int(-1.5))
print(abs(-0.0), -0.0 == 0.0, math.copysign(1, -0.0), 1.0 // 0.3, 1.0 % 0.3)
print(float.fromhex('0x1.fffffffffffffp+1023'), float.fromhex('-0x1p-1074'))
print((1.5).conjugate(), (1.5).real, (1.5).imag)
try:
    (float('inf')).as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
