# CPython's two wordings for item deletion on a type without __delitem__, and
# MemoryError vs OverflowError for huge left shifts (found by difffuzz).
class C:
    def __getitem__(s, k): pass
class D: pass
for o in (5, C(), D(), 'ab', (1,), frozenset(), None, 1.5):
    for k in (0, 'x'):
        try: del o[k]
        except TypeError as e: print(type(o).__name__, repr(k), e)
for s in (2**63, 2**62, 2**64, 2**66, 2**100):
    try: 13 << s
    except Exception as e: print(s.bit_length(), type(e).__name__, e)
