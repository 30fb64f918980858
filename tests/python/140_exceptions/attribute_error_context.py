# An AttributeError raised by __getattr__ or a property gets name/obj (suggestions in the traceback)
import traceback, sys
class A:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError()
try:
    A().bluch
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
    traceback.print_exc(file=sys.stdout)
class B:
    blech = None
    @property
    def bluch(self):
        raise AttributeError("inner")
try:
    B().bluch
except AttributeError as e:
    print(e.name, e)
class NonStr:
    def __str__(self): raise ValueError
class C:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError(NonStr())
try:
    C().bluch
except AttributeError as e:
    print(e.name)
