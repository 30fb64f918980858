import ast
t = ast.parse("x = 1 + 2*y\nprint(f'a{x!r:>3}', *a, sep='-')\n")
print(ast.dump(t))
print(ast.dump(t, include_attributes=True)[:300])
print(ast.unparse(t))
print(ast.literal_eval("[1, 2.5, -3, (4, 'a'), {'k': b'v'}, {1,2}, None, True, 1+2j]"))
code = compile(t, 'f', 'exec')
y = 5; a = [1]
exec(code)
class T(ast.NodeTransformer):
    def visit_Constant(self, n):
        if isinstance(n.value, int): return ast.copy_location(ast.Constant(n.value * 10), n)
        return n
t2 = ast.fix_missing_locations(T().visit(ast.parse("print(1 + 2)")))
exec(compile(t2, 'g', 'exec'))
print(eval(compile(ast.parse("3*4", mode='eval'), 'e', 'eval')))
exec(compile(ast.parse("1+1", mode='single'), 's', 'single'))
print(ast.Name.__doc__, ast.Name._fields, ast.expr._attributes)
print(ast.Name('x').__reduce__())
