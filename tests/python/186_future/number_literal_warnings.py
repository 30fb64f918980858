import warnings
cases = []
for num in "0xf", "0o7", "0b1", "9", "0", "1.", "1e3", "1j":
    cases += [f"{num}and x", f"{num}or x", f"{num}in x", f"{num}not in x", f"{num}if x else y", f"x if {num}else y", f"[{num}for x in ()]", f"{num}spam", f"{num}is x"]
cases += ["[0x1ffor x in ()]", "[0x1for x in ()]", "[0xfor x in ()]", "0b12", "0o78", "0b1_", "0x_", "1__0", "1_", "0_7", "09", "1e", "1e+", "0b", "0o", "0x", "1.e", "1_000j", "0b1.0", "0o1.0", "01"]
for c in cases:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(c, "<t>", "eval")
            r = "ok"
        except SyntaxError as e:
            r = f"SyntaxError {e.msg} {e.offset}"
    print(repr(c), r, [f"{x.category.__name__}: {x.message}" for x in w])
