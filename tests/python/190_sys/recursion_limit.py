import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(150 < d < 200)
sys.setrecursionlimit(5000)
def deep(n): return 0 if n == 0 else 1 + deep(n - 1)
print(deep(4000))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError', e)
sys.setrecursionlimit(1000)
