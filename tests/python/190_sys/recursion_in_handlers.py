# Recursion inside except clauses meets the same limit as anywhere else (no extra headroom while
# a RecursionError is being handled), so these end quickly with RecursionError, as in CPython.
import sys

def set_relative_recursion_limit(n):
    depth = 1
    while True:
        try:
            sys.setrecursionlimit(depth)
        except RecursionError:
            depth += 1
        else:
            break
    sys.setrecursionlimit(depth + n)

def recurse_in_except():
    try:
        1 / 0
    except:
        recurse_in_except()

def recurse_after_except():
    try:
        1 / 0
    except:
        pass
    recurse_after_except()

def recurse_in_body_and_except():
    try:
        recurse_in_body_and_except()
    except:
        recurse_in_body_and_except()

limit = sys.getrecursionlimit()
try:
    set_relative_recursion_limit(10)
    for func in (recurse_in_except, recurse_after_except, recurse_in_body_and_except):
        try:
            func()
        except RecursionError:
            print(func.__name__, 'RecursionError')
finally:
    sys.setrecursionlimit(limit)
print(sys.getrecursionlimit() == limit)
