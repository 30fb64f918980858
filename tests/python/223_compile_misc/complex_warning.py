# complex() accepts a complex subclass from __complex__ with a DeprecationWarning.
import warnings


class C1(complex):
    def __new__(cls, value=0j):
        return complex.__new__(cls, 2 * value)

    def __complex__(self):
        return self


class Other:
    def __complex__(self):
        return C1(1j)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(complex(C1(1j)), type(complex(Other())).__name__)
    print([(x.category.__name__, str(x.message)) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        complex(C1(1j))
    except DeprecationWarning as e:
        print("raised", e)
