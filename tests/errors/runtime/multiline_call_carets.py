# An instruction spanning several lines: CPython marks its first line up to
# the last non-blank character, and nothing when that is the whole line.
def g(a, b):
    raise ValueError(a)


def f():
    return g(1,
             2)


def main():
    f(
    )


main()
