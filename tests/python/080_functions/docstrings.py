def f():
    """Function doc."""
def g():
    'single quoted doc'
    return 1
def h():
    x = 1
    """not a doc"""
class C:
    """Class doc.

    More lines.
    """
    def m(self):
        """method doc"""
print(repr(f.__doc__), repr(g.__doc__), repr(h.__doc__), repr(C.__doc__), repr(C.m.__doc__))
import inspect
print(repr(inspect.getdoc(C)))
print(__doc__)
