import ast

class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'old':
            return ast.copy_location(ast.Name(id='new', ctx=node.ctx), node)
        return node

class DropPass(ast.NodeTransformer):
    def visit_Pass(self, node):
        return None

class Folder(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant) \
                and isinstance(node.op, ast.Add):
            return ast.copy_location(ast.Constant(node.left.value + node.right.value), node)
        return node

src = """
new = 0
old = 10
def f(a):
    pass
    return a + old
result = f(1 + 2 + 3)
t = (1, 2) + (3,)
"""
tree = ast.parse(src)
tree = Renamer().visit(tree)
tree = DropPass().visit(tree)
tree = Folder().visit(tree)
ast.fix_missing_locations(tree)
print(ast.unparse(tree))
ns = {}
exec(compile(tree, "<ast>", "exec"), ns)
print(ns["result"], ns["new"], ns["t"])

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.calls = 0
    def visit_Call(self, node):
        self.calls += 1
        self.generic_visit(node)
c = Counter()
c.visit(ast.parse("f(g(h(1)), k())"))
print(c.calls)

# Build a module from scratch.
mod = ast.Module(body=[
    ast.FunctionDef(name='sq', args=ast.arguments(posonlyargs=[], args=[ast.arg('x')], kwonlyargs=[],
                                                    kw_defaults=[], defaults=[]),
                    body=[ast.Return(ast.BinOp(ast.Name('x', ast.Load()), ast.Pow(), ast.Constant(2)))],
                    decorator_list=[]),
    ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Call(ast.Name('sq', ast.Load()), [ast.Constant(7)], [])], [])),
], type_ignores=[])
exec(compile(ast.fix_missing_locations(mod), "<built>", "exec"))
e = ast.Expression(ast.Constant((1, (2, 3.5), 1+2j)))
print(eval(compile(ast.fix_missing_locations(e), "<e>", "eval")))
print(eval(compile(ast.fix_missing_locations(ast.Expression(ast.Constant(-12345678901234567890))), "<e>", "eval")))
