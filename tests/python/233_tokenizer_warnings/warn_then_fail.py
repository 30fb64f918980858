# The tokenizer's warnings (an invalid decimal literal such as `3.index`)
# are issued as it reads, so they go out even when the source then fails to
# compile (found by difffuzz).
import warnings

for src in ["x = 3.index", "x = [3.index]", "x = 1if 1 else 2", "x = 0x1for", "x = 3.e", "y = 1\nx = 3.index\nz = 2"]:
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            compile(src, "s", "exec")
        print(repr(src), "compiles", [str(x.message) for x in w])
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, [(str(x.message), x.lineno) for x in w])

# As an error, the warning is the SyntaxError.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile("x = [3.index]", "s", "exec")
    except SyntaxError as e:
        print(e.msg, e.offset)
