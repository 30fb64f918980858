import inspect, dataclasses, pprint, unittest, ast

@dataclasses.dataclass
class P:
    x: int
    y: int = 2

print(P(1))
def f(a, b: int = 3, *c, d, **e) -> str: pass
print(inspect.signature(f))
pprint.pprint({'b': [1, 2], 'a': (3,)})
print(inspect.getsource(f).strip())
class T(unittest.TestCase):
    def test_x(self):
        self.assertEqual(1, 1)
print(unittest.TestLoader().loadTestsFromTestCase(T).countTestCases())
print(ast.unparse(ast.parse(inspect.getsource(f))))
