# Indexes too large for a machine word: IndexError for subscripts, OverflowError
# with PyLong_AsSsize_t's words for Py_ssize_t method arguments (found by difffuzz).
v = [1, 2]
for idx in [10**20, -10**20, 2**63, 2**63-1]:
    for op in ("v[idx] = 0", "v[idx]", "del v[idx]", "v.pop(idx)", "v.insert(idx, 0)", "(1,2)[idx]", "'ab'[idx]", "b'ab'[idx]", "bytearray(b'ab')[idx]", "range(3)[idx]", "bytearray(b'ab').__setitem__(idx, 1)", "memoryview(b'ab')[idx]"):
        try: exec(op); print(op, "ok")
        except Exception as e: print(op, type(e).__name__, e)
