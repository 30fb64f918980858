# Native attributes are member or getset descriptors as in CPython, with
# their __doc__, __qualname__ and read-only behaviour.
import datetime
from _io import FileIO, BytesIO, _TextIOBase
for d in [complex.real, complex.imag, float.real, int.__add__, FileIO.closed, FileIO.closefd,
          FileIO.mode, BytesIO.closed, _TextIOBase.encoding, datetime.timedelta.days,
          datetime.timedelta.seconds, datetime.timedelta.microseconds]:
    print(type(d).__name__, d.__qualname__, d.__objclass__.__name__, repr(d.__doc__))
z = complex(1.5, -2.5)
print(z.real, z.imag, complex.real.__get__(z), complex.imag.__get__(z, complex))
class Z(complex):
    pass
print(Z(3, 4).real, Z(3, 4).imag)
for f in (lambda: setattr(z, 'real', 1.0), lambda: delattr(z, 'imag'),
          lambda: complex.real.__set__(z, 2.0), lambda: complex.real.__get__(1.0)):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
td = datetime.timedelta(days=-3, seconds=7, microseconds=11)
print(td.days, td.seconds, td.microseconds)
for f in (lambda: setattr(td, 'days', 1),):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e)
class S:
    __slots__ = ('a',)
print(type(S.a).__name__, S.a.__doc__, S.a.__qualname__)
