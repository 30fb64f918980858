# dbm.ndbm (_dbm) as Debian's CPython 3.11 builds it, on Berkeley DB's ndbm
# interface: `library`, the file it makes, the mapping methods, errors and
# their messages. Databases are closed explicitly.
import os
import shutil
import tempfile

import dbm.ndbm as ndbm


def attempt(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, "!!", type(e).__module__, type(e).__name__, str(e).replace(d, "D"))
    else:
        print(label, "->", repr(r))


d = tempfile.mkdtemp()
path = os.path.join(d, "db")
print(ndbm.library, ndbm.error.__mro__[1].__name__, ndbm.error.__module__)
db = ndbm.open(path, "c")
print(sorted(os.listdir(d)), type(db).__name__, len(db))
db["a"] = "alpha"
db[b"b"] = b"beta"
db["é"] = "ü"
attempt("getitem", lambda: (db["a"], db[b"b"], db["é"]))
attempt("missing", lambda: db["zz"])
attempt("int key", lambda: db[1])
attempt("contains", lambda: ("a" in db, b"b" in db, "q" in db))
attempt("contains int", lambda: 1 in db)
attempt("len", lambda: len(db))
attempt("keys", lambda: sorted(db.keys()))
attempt("get", lambda: (db.get("a"), db.get("zz"), db.get("zz", 5)))
attempt("get kw", lambda: db.get("a", default=1))
attempt("setdefault", lambda: (db.setdefault("n", b"v"), db.setdefault("n", b"w")))


def store(k, v):
    db[k] = v


def delete(k):
    del db[k]


attempt("store int value", store, "k", 1)
attempt("store int key", store, 1, b"x")
attempt("delete missing", delete, "nokey")
delete("n")
attempt("keys after delete", lambda: sorted(db.keys()))
attempt("iter", lambda: list(db))
db.close()
attempt("closed len", lambda: len(db))
attempt("closed get", lambda: db.get("a"))

with ndbm.open(path, "r") as ro:
    print("reopened", sorted(ro.keys()))
with ndbm.open(path, "w") as rw:
    rw["c"] = "gamma"
    print("rw", sorted(rw.keys()))
with ndbm.open(path, "rw") as rw:
    print("rw flag", len(rw))
attempt("bad flag", lambda: ndbm.open(path, "x"))
attempt("missing file", lambda: ndbm.open(os.path.join(d, "nope")))
attempt("nul in name", lambda: ndbm.open(path + "\0", "c"))
shutil.rmtree(d)
