import ast, _ast
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
names = sorted(n for n in dir(_ast) if not n.startswith('_'))
print(len(names), names[:8])
for n in ["AST", "mod", "stmt", "expr", "expr_context", "Load", "operator", "Add", "arguments", "arg",
          "keyword", "alias", "comprehension", "ExceptHandler", "excepthandler", "TypeIgnore", "type_ignore",
          "match_case", "MatchAs", "pattern", "ImportFrom", "Constant", "FunctionDef"]:
    c = getattr(ast, n)
    print(n, c.__bases__[0].__name__, c.__module__, c._fields, getattr(c, "_attributes", None),
          getattr(c, "__match_args__", None))
    print("   ", repr(c.__doc__))
print(ast.FunctionDef.returns, ast.arguments.vararg, ast.ImportFrom.level, ast.expr.end_lineno)
n = ast.Name('x', ast.Load(), lineno=3)
print(n.id, n.lineno, n.__dict__.keys(), ast.dump(n))
try:
    ast.Name().id
except AttributeError as e:
    print("AttributeError", e)
try:
    ast.Name('a', 'b', 'c')
except TypeError as e:
    print(e)
try:
    ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2), left=1)
except TypeError as e:
    print(e)
print(ast.Constant(1, 'u').kind, ast.Pass().__reduce__())
print(isinstance(ast.Constant(3), ast.Num), isinstance(ast.Constant('s'), ast.Str), ast.Num(5).value)
print(ast.Load() is ast.Load(), type(ast.parse("x").body[0].value.ctx).__name__)
t = ast.parse("x; y")
print(t.body[0].value.ctx is t.body[1].value.ctx)
match ast.parse("a + 1").body[0].value:
    case ast.BinOp(ast.Name(id=name), ast.Add(), ast.Constant(value=v)):
        print("matched", name, v)
print([type(n).__name__ for n in ast.walk(ast.parse("def f(x): return x * 2"))])
print(ast.get_docstring(ast.parse('"""Doc."""\nx = 1')))
print(ast.get_source_segment("a = foo(1, 2)", ast.parse("a = foo(1, 2)").body[0].value))
