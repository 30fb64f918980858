# io.StringIO and io.BytesIO pickle and copy through their __getstate__ /
# __setstate__ (a native type with its own __getstate__ pickles), and
# __setstate__ checks its state as CPython's does, before changing anything.
import copy
import io
import pickle

s = io.StringIO("abc\ndef", newline=None)
s.read(2)
s.x = 5
t = pickle.loads(pickle.dumps(s))
print(repr(t.getvalue()), t.tell(), t.x, t.newlines)
b = io.BytesIO(b"xyz")
b.read(1)
b.y = 1
u = pickle.loads(pickle.dumps(b, protocol=4))
print(u.getvalue(), u.tell(), u.y)
print(copy.copy(s).getvalue() == s.getvalue(), copy.deepcopy(b).getvalue())
for o in (io.TextIOWrapper(io.BytesIO()),):
    try:
        pickle.dumps(o)
    except TypeError as e:
        print(e)

for st in [("", "f", 0, None), ("", "", -1, None), (b"", "", 0, None), ("", b"", 0, None), ("", "", 0.0, None),
           ("", "", 0, 0), ("len-test", 0), ("ok", "\n", 1, {"a": 1})]:
    try:
        io.StringIO().__setstate__(st)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
for st in [(b"", -1, None), ("unicode", 0, None), (b"", 0.0, None), (b"", 0, 0), (b"len-test", 0), (b"ok", 1, {"a": 1})]:
    try:
        io.BytesIO().__setstate__(st)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
for cls, st in ((io.StringIO, ("closed", "", 0, None)), (io.BytesIO, (b"closed", 0, None))):
    f = cls()
    f.close()
    try:
        f.__setstate__(st)
    except ValueError as e:
        print(cls.__name__, e)

# repr of an uninitialized TextIOWrapper raises; a detached one still shows its encoding.
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
t.detach()
print(repr(t))
try:
    repr(io.TextIOWrapper.__new__(io.TextIOWrapper))
except ValueError as e:
    print("ValueError", e)
