# Which error wins when a source has several: a parser error before a
# tokenizer error is reported, unless the tokenizer error is one CPython's
# tokenizer raises itself while re-scanning the rest of the source
# (unterminated strings, invalid literals); bad line continuations and
# indentation errors only count when the parser reaches them.
cases = [
    "try:\n    print(x!r)\ngot = f'{'x y'.rfind('\\t')!r}'\n",
    "print(x!r)\nif 1:\n        a\n    b\n",
    "print(x!r)\nif 1:\n\ta\n        b\n",
    "print(x!r)\nx = 1 \\ 2\n",
    "print(x!r)\nx = 'abc\n",
    "print(x!r)\nx = 1_\n",
    "x = 1 \\ 2\nprint(x!r)\n",
    "if 1:\n        a\n    b\nprint(x!r)\n",
    "print(x!r)\n)\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
