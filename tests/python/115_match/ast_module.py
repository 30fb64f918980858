# The ast module round-trips match statements: parse, dump, compile the tree, run it.
import ast
src = "match x:\n    case [1, *r] | {'k': r} if r:\n        pass\n    case C(a, b=2) as c:\n        pass\n    case None | -1+2j:\n        pass\n"
t = ast.parse(src)
print(ast.dump(t))
code = compile(t, "<ast>", "exec")
x = [1, 2]
exec(code)
print(r)
try:
    compile(ast.parse("match x:\n    case x:\n        pass\n    case 1:\n        pass\n"), "<s>", "exec")
except SyntaxError as e:
    print(e)
