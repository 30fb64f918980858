# dbm.gnu (_gdbm on libgdbm) as CPython 3.11 has it: create, reopen, the
# mapping methods, firstkey/nextkey, flags, errors and their messages.
# Every database is closed explicitly (CPython closes a dropped one at once
# through reference counting; gilpy's collector would close it later).
import os
import shutil
import tempfile

import dbm.gnu as gnu


def attempt(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, "!!", type(e).__module__, type(e).__name__, str(e).replace(d, "D"))
    else:
        print(label, "->", repr(r))


d = tempfile.mkdtemp()
path = os.path.join(d, "db.gdbm")
print(gnu.open_flags, gnu.error.__mro__[1].__name__, gnu.error.__module__, __import__("_gdbm")._GDBM_VERSION[:2])

db = gnu.open(path, "c")
print(type(db).__name__, type(db).__module__, len(db))
db["a"] = "alpha"
db[b"b"] = b"beta"
db["é"] = "ü"
db["empty"] = b""
attempt("getitem", lambda: (db["a"], db[b"b"], db["é"], db["empty"]))
attempt("missing", lambda: db["zz"])
attempt("int key", lambda: db[1])
attempt("bytearray key", lambda: db[bytearray(b"a")])
attempt("surrogate key", lambda: db["\udc80"])
attempt("contains", lambda: ("a" in db, b"b" in db, "q" in db))
attempt("contains int", lambda: 1 in db)
attempt("len", lambda: len(db))
attempt("keys", lambda: sorted(db.keys()))
attempt("get", lambda: (db.get("a"), db.get("zz"), db.get("zz", 5)))
attempt("get kw", lambda: db.get(key="a"))
attempt("setdefault", lambda: (db.setdefault("n", b"v"), db.setdefault("n", b"w")))
attempt("setdefault None", lambda: db.setdefault("n2"))


def store(k, v):
    db[k] = v


def delete(k):
    del db[k]


attempt("store int value", store, "k", 1)
attempt("store int key", store, 1, b"x")
attempt("delete missing", delete, "nokey")
delete("n")


def walk():
    out = []
    k = db.firstkey()
    while k is not None:
        out.append(k)
        k = db.nextkey(k)
    return sorted(out)


attempt("walk", walk)
attempt("nextkey of missing", lambda: db.nextkey("zzzz"))
attempt("iter", lambda: list(db))
attempt("reorganize", db.reorganize)
attempt("sync", db.sync)
attempt("instantiate", lambda: type(db)())
attempt("subclass", lambda: type("S", (type(db),), {}))
db.close()
attempt("closed len", lambda: len(db))
attempt("closed getitem", lambda: db["a"])
attempt("closed keys", db.keys)
attempt("close again", db.close)

with gnu.open(path, "r") as ro:
    print("reopened", sorted(ro.keys()), len(ro))
    attempt("reader store", lambda: ro.__setitem__("x", "y"))
    attempt("reader delete", lambda: ro.__delitem__("a"))
    attempt("second writer", lambda: gnu.open(path, "w"))
attempt("after with", lambda: ro.keys())

for flags in ["rf", "ws", "cu", "nfsu"]:
    x = gnu.open(path, flags)
    print("flags", flags, len(x))
    x.close()
attempt("bad first flag", lambda: gnu.open(path, "x"))
attempt("bad flag", lambda: gnu.open(path, "cz"))
attempt("flags type", lambda: gnu.open(path, 1))
attempt("missing file", lambda: gnu.open(os.path.join(d, "nope")))
attempt("no args", lambda: gnu.open())
with open(os.path.join(d, "junk"), "w") as f:
    f.write("not a database" * 100)
attempt("not a database", lambda: gnu.open(os.path.join(d, "junk")))
open(os.path.join(d, "empty"), "w").close()
attempt("empty file", lambda: gnu.open(os.path.join(d, "empty")))
x = gnu.open(os.path.join(d, "mode"), "c", 0o600)
x.close()
print("mode", oct(os.stat(os.path.join(d, "mode")).st_mode & 0o777))
x = gnu.open(path.encode(), "w")
x["big"] = b"x" * 100000
print("big", len(x["big"]))
x.close()
shutil.rmtree(d)
