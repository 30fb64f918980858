print(1 in [1, 2], 3 not in [1, 2], 'b' in 'abc', 'bc' in 'abc', '' in 'abc', 'x' not in 'abc')
print(1 in {1: 2}, 2 in {1: 2}, 1 in {1, 2}, (1, 2) in [(1, 2)], 5 in range(0, 10, 5), 3 in range(0, 10, 5))
print(b'a' in b'abc', 97 in b'abc', 1.0 in [1], float('nan') in [float('nan')])
n = float('nan')
print(n in [n], [n] == [n], n == n)
class C:
    def __contains__(self, x): return x == 42
print(42 in C(), 41 in C(), 41 not in C())
class G:
    def __iter__(self): return iter([1, 2, 3])
print(2 in G(), 5 in G())
try:
    1 in 5
except TypeError as e:
    print(e)
try:
    [] in 'abc'
except TypeError as e:
    print(e)
