import ast, re
for s in ["1", "-1.5", "+3", "1+2j", "'a' 'b'", "b'x'", "(1, [2, {3: (4,)}])", "{1, 2}", "set()",
          "None", "True", "...", "0x10", "-(1)", "[1, -2j]"]:
    print(repr(ast.literal_eval(s)))
for s in ["x", "1 + x", "f(1)", "[1, y]", "{**a}", "1 +", "a.b"]:
    try:
        ast.literal_eval(s)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, re.sub(r"0x[0-9a-f]+", "0x?", str(e)))
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
