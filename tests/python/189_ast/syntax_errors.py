import ast
for src in ["x = (", "def f(:\n  pass", "1 = x", "  x = 1"]:
    try:
        ast.parse(src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    compile("x = 1", "f", "exec", ast.PyCF_ONLY_AST, _feature_version=8)
    print("ok feature_version")
except SyntaxError as e:
    print(e)
t = compile("a+b", "f", "eval", ast.PyCF_ONLY_AST)
print(type(t).__name__, compile(t, "f", "eval", ast.PyCF_ONLY_AST) is t)
