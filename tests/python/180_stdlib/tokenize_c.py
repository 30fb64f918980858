# _tokenize.TokenizerIter, the C tokenizer behind
# tokenize._generate_tokens_from_c_tokenizer: exact types, NEWLINE/INDENT/
# DEDENT strings and columns, byte columns, the `line` buffer, errors.
import _tokenize
import tokenize
import warnings


def show(src):
    print(repr(src))
    try:
        for item in _tokenize.TokenizerIter(src):
            print("  ", item)
    except SyntaxError as e:
        print("  ", type(e).__name__, e.args)


for src in [
    "a = 1\nif x:\n  y\n",
    "x",
    "x\n\n",
    "",
    "\n\n# only a comment\n",
    "a = 1  # trailing comment\nb",
    "x # c \\\ny\n",
    "if x:\n  if y:\n    z\n\n# end\n",
    "def f(a, *b, c=2, **d) -> int: return a<=b>=c!=d\n",
    "x += 1; y //= 2; z **= 3; w >>= 4; v <<= 5; u @= m; t := 1; s -> ...\n",
    "async def f(): await x\n",
    "é = 'ü'  # é\nprint(\"é\", 'ü')\n",
    "a = '''x\ny\nz''' + 1\n",
    "x = 'a\\\nb'\n",
    "x = 1 + \\\n  2\n",
    "x = 1 \\\n\\\n+ 2\n",
    "\\\nx\n",
    "if x:\n    \\\n  y\n",
    "x = (1,\n   \\\n 2)\n",
    "(1, # c\n 2)\n",
    "x\r\ny\r\n", "x\r", "if x:\r\n  y\r\n", "if x:\r  y\r",
    # a backslash in column 0 leaves the indentation to the next line
    "if 1:\n    x\n\\\n    y\n", "if 1:\n    x\n\\\n\\\n    y\n", "if 1:\n    x\n\\\ny\n",
    "if 1:\n    x\n\\\n  y\n", "if 1:\n    x\n  \\\n    y\n", "if 1:\n    x\n      \\\n    y\n",
    "a\x0cb",
    "a $ b ? c",
    "1 <> 2 <>= 3",
    "0x_f 1_000j .5 1..2 1.e5j 0o17 0b1",
    # a number directly followed by a keyword: only a whole keyword passes
    "1ifx", "1inx", "1is_", "0x1for", "1jif", "5for", "5fort", "1andy", "1or_", "1else2", "1notx", "1.5fo", "1jfor_",
    "08e,", "0002e:", "022EFFEA", "1e,",
    # the indentation of a line after a backslash-joined one
    "      \\\n  )  e ", " \\\n  x", "  \\\n  #", "if x:\n  y\n  \\\n  # c\n  z\n",
    "f'{x!r:>{w}}' rb'\\x' Rb'''a\nb'''",
    "#!/bin/sh\n# -*- coding: latin-1 -*-\nx='é'\n",
    # errors raised after the tokens before them
    "(1+2]", "(1+2}", "{1+2]", "]",
    "1_", "1.2_", "1e2_", "1e+", "0b12", "0b1_2", "0b2", "0b1_", "0b", "0o18", "0o8", "0o", "0x1_", "0x", "012",
    "\xa0", "€", "a€ = 1", "x\x01", "\ufeffx",
    "'sdfsdf", "'''sdfsdf''", "x = '''a\nb",
    "(" * 1000 + "a" + ")" * 1000,
    # errors that end the iteration silently
    "(1+2", "x = 1 \\ y\n", "if x:\n    a\n  b\n", "if x:\n\ta\n        b\n", "a = b\\\n", "a\n  b\n  \\\n",
    "    \\xb1'\n",
]:
    show(src)

# compile() agrees with the tokenizer on numbers before keywords.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for src in ["x = 1if 1 else 2", "x = [0x1for x in y]", "x = 1ifx", "x = 08else 1", "x = 5fort", "x = 08e", "x = 0x1j"]:
        try:
            compile(src, "<s>", "exec")
            print(repr(src), "compiles")
        except SyntaxError as e:
            print(repr(src), e.msg, e.lineno, e.offset)

# MAXINDENT: 99 levels tokenize, 100 stop after the last NEWLINE.
for n in (99, 100):
    src = "".join("  " * i + "if True:\n" for i in range(n)) + "  " * n + "pass\n"
    toks = list(_tokenize.TokenizerIter(src))
    print(n, len(toks), toks[-1][1])

# Through tokenize, as CTokenizeTest uses it.
for t in tokenize._generate_tokens_from_c_tokenizer("if a:\n    b = [1,\n 2]\n"):
    print(t)

# The "invalid decimal literal" warning before a keyword, and as an error.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(list(_tokenize.TokenizerIter("1if x else 2")))
    print([(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    show("a\n1if x else 2")

# The iterator protocol and arguments.
it = _tokenize.TokenizerIter("x")
print(iter(it) is it, next(it), next(it))
for _ in range(2):
    try:
        next(it)
    except StopIteration as e:
        print("StopIteration", e.args)
for args, kw in [((), {}), ((1,), {}), (("a", "b"), {}), ((), {"source": "x"}), ((b"x",), {}),
                 (("x",), {"extra": 1}), (("a\0b",), {}), (("\ud800",), {})]:
    try:
        print(list(_tokenize.TokenizerIter(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


class S(str):
    pass


print(list(_tokenize.TokenizerIter(S("y"))))
try:
    class T(_tokenize.TokenizerIter):
        pass
except TypeError as e:
    print("TypeError", e)
print(_tokenize.TokenizerIter.__module__, _tokenize.TokenizerIter.__name__)
