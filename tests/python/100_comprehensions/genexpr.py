g = (x * 2 for x in range(4))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'abc', 'ab']), ''.join(c for c in 'hello' if c != 'l'))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []), tuple(i for i in 'ab'), sorted((-i for i in range(3))))
def first_arg_evaluated_eagerly():
    try:
        g = (x for x in 5)
    except TypeError as e:
        print('eager:', e)
first_arg_evaluated_eagerly()
nums = [1, 2, 3]
g = (n * 10 for n in nums)
nums.append(4)
print(list(g))
g = (a + b for a in 'xy' for b in '12')
print(list(g))
