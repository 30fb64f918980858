# Run by cprofile_basics.py under `-m cProfile`.
def square(x):
    return x * x


def total(n):
    return sum(square(i) for i in range(n))


print("total", total(10))
