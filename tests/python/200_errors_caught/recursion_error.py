def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
class Rec:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    Rec().a
except RecursionError as e:
    print('via __getattr__:', type(e).__name__)
class ReprLoop:
    def __repr__(self): return repr(self)
try:
    repr(ReprLoop())
except RecursionError as e:
    print('via __repr__:', type(e).__name__)
nested = []
for _ in range(100000):
    nested = [nested]
try:
    repr(nested)
    print('repr of deep list ok')
except RecursionError as e:
    print('deep list repr:', type(e).__name__)
def mutual_a(n): return mutual_b(n)
def mutual_b(n): return mutual_a(n)
try:
    mutual_a(0)
except RecursionError:
    print('mutual recursion caught')
print('recovered', sum(range(10)))
try:
    sorted([1, 2], key=lambda x: forever(0))
except RecursionError:
    print('through native code (sorted key) caught')
try:
    eval('(' * 50 + ')' * 50)
    print('eval of nested parens ok')
except (RecursionError, SyntaxError, MemoryError) as e:
    print('eval nested:', type(e).__name__)
