# Sizes a program asks for that cannot be allocated raise MemoryError (or
# OverflowError where CPython checks the size first), and the interpreter
# keeps running (issue 10).
cases = ["'a' * (1 << 40)", "'%*d' % (1 << 40, 1)", "bytes(1 << 40)", "bytearray(1 << 40)",
         "'{:>{w}}'.format(1, w=1 << 40)", "format(1, '1099511627776')", "(1,) * (1 << 40)",
         "[0] * (1 << 40)", "' ' * (1 << 62)", "'x'.ljust(1 << 40)", "1 << (1 << 40)"]
for c in cases:
    try:
        eval(c)
        print(c, "no error")
    except (MemoryError, OverflowError) as e:
        print(c, type(e).__name__)
print("alive")
