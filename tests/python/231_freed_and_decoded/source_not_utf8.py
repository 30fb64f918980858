# Source bytes that are not UTF-8 and declare no encoding: compile() and
# import report them only where they are decoded (names, string literals),
# not in comments, with CPython's "(unicode error)" messages and positions.
import os
import subprocess
import sys
import tempfile

cases = [
    b'x = 1 \xff',
    b'x = "\xff"',
    b"x = b'\xff'",
    b'x\xff = 1',
    b'\xff = 1',
    b'x = f"\xff"',
    b'x = 1 # \xff',
    b'x = "ok" # \xcf\xb3',
    b'x=1\ny="\xff"',
    b'Python = "\xcf\xb3\xf2\xee\xed" +',
    b'x = "\xcf\xb3\xf2"',
    b'x = "\xe2\x82" + 1',
    b'x = "\xed\xa0\x80"',
    b'x = "\xc3\xa9\xff" + 1',
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("compiles")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)

# Literal-decoding errors point at the token after the literal.
for src in ['x = "\\N{foo}" + 1', 'x = "\\N{foo}"', 'x = "é\\N{foo}" + 1', "x = b'é' + 1"]:
    try:
        compile(src, "s", "exec")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

# A module with a Latin-1 comment imports; run as a script, the file is refused.
d = tempfile.mkdtemp()
with open(os.path.join(d, "latin1_comment.py"), "wb") as f:
    f.write(b"# caf\xe9\nvalue = 42\n")
sys.path.insert(0, d)
import latin1_comment

print("imported:", latin1_comment.value)
r = subprocess.run([sys.executable, os.path.join(d, "latin1_comment.py")], capture_output=True)
print(r.returncode, r.stderr.decode().replace(d, "DIR"))
