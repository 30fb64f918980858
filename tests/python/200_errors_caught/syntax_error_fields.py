# SyntaxError fields (msg, lineno, offset, end_lineno, end_offset, text) of compile() in exec and
# eval mode: exec-mode parser errors keep the newline CPython's tokenizer adds, NEWLINE tokens are
# zero-width, compiler-stage errors read text from the named file (None here).
cases = ["x = (1,", "x = 1 +", "def f(:", "x = $", "a b", "if x\n  y", "x = 'abc", "f(**a, *b)",
         "f(x, **a, *[1, 2], y)", "x = 1\ny = (", "  x = 1", "1 = x", 'x = """abc', "return 1",
         "def f():\n    nonlocal q", "x = 1\nbreak", "f(x for x in y, 1)", "print 'a'", "a := 1"]
for mode in ("exec", "eval"):
    for src in cases:
        try:
            compile(src, "<s>", mode)
            print(mode, repr(src), "ok")
        except SyntaxError as e:
            print(mode, repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset,
                  repr(e.text))
