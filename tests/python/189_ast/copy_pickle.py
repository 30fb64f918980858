import ast, copy, pickle
c = copy.deepcopy(ast.parse("a + b").body[0])
print(ast.dump(c))
p = pickle.loads(pickle.dumps(ast.parse("f(x)")))
print(ast.dump(p))
print(copy.copy(ast.Name('x')).id)
