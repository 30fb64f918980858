# Three-argument pow() dispatches as CPython's ternary slots: the base's __pow__, then
# the exponent's and the modulus's types (float and complex refuse a modulus; never
# __rpow__), with the TypeError naming all three types (found by difffuzz).
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), (0, -1, 5), (3, -1, 1), ('a', 2, 3), (2, 'a', 3), (2, 3, 'a'), (10**20, -1, 7), (1, 2, 3, 4)]:
    try: print(args, pow(*args))
    except Exception as e: print(args, type(e).__name__, e)
for a, b in [(0, -1), (0.0, -1), (-8, 1/3), (2, 10**6 * 1.0), ('a', 2), (2, 'a'), (None, 2)]:
    try: print(a, b, pow(a, b) if not isinstance(b, float) or b < 1000 else 'x')
    except Exception as e: print(a, b, type(e).__name__, e)
    try: a ** b
    except Exception as e: print(' **', type(e).__name__, e)
class P:
    def __pow__(self, o, m=None): return ('P.pow', o, m)
    def __rpow__(self, o, m=None): return ('P.rpow', o, m)
for args in [(2,3,1j), (2,3,None), (2,3,True), (2.0,3,'a'), (2,3.0,'a'), (1j, 2, 3), (2, 1j, 3), ('a', 2, 3.0), (P(), 2, 3), (2, P(), 3), (2, 3, P()), (2.5, P(), 3), (True, 2, 3), (2, 3, 2**70)]:
    try: print(args[0].__class__.__name__, args[1:] if not isinstance(args[1], P) else 'P', pow(*args))
    except Exception as e: print(type(e).__name__, e)
