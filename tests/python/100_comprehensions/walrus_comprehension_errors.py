# Assignment expressions in comprehensions: CPython 3.11's compile-time rules and messages.
cases = [
    "[i for i in (i := range(5))]", "[i for i in (2, 3, i := range(5))]", "[i for i in (j := range(5))]",
    "[i for i in (lambda:(j := range(5)))()]", "[i for i in range(5) for j in (i := range(5))]",
    "[i for i in [j for j in (k := range(5))]]", "[i for i in [(j := True) for j in range(5)]]",
    "{i := 0 for i in range(5)}", "{{(j := 0) for i in range(5)} for j in range(5)}",
    "{(j := 0) for i in range(5) for j in range(5)}", "{i := 0 for i, j in {(0, 1)}}",
    "{i+1 for i in range(5) if (i := 0)}", "{False or (i:=0) for i in range(5)}",
    "{i for i in range(5) if (j := 0) for j in range(5)}", "{i for i in range(5) if (j := 0) for j, k in {(0, 1)}}",
    "[(y := x) for x in range(3)]", "[[(z := a) for a in range(2)] for b in range(2)]",
]
for src in cases:
    for wrap in ("{}", "lambda: {}"):
        code = wrap.format(src)
        try:
            compile(code, "<s>", "exec")
            print(repr(code), "compiles")
        except SyntaxError as e:
            print(repr(code), e.msg, e.offset, e.end_offset)
print([(y := x) for x in range(3)], y)
