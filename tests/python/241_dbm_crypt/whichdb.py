# dbm.open and dbm.whichdb over the three implementations gilpy has
# (dbm.gnu, dbm.ndbm, dbm.dumb).
import dbm
import os
import shutil
import tempfile

d = tempfile.mkdtemp()
for name in ["dbm.gnu", "dbm.ndbm", "dbm.dumb"]:
    mod = __import__(name, fromlist=["open"])
    p = os.path.join(d, name.replace(".", "_"))
    with mod.open(p, "c") as db:
        db[b"k"] = b"v"
    print(name, dbm.whichdb(p), sorted(f for f in os.listdir(d) if f.startswith(os.path.basename(p))))
    with dbm.open(p, "r") as db:
        print("  dbm.open", type(db).__module__, db[b"k"])
p = os.path.join(d, "default")
with dbm.open(p, "c") as db:
    db["x"] = "y"
print("default", dbm.whichdb(p))
print(dbm.whichdb(os.path.join(d, "nothing")))
try:
    dbm.open(os.path.join(d, "nothing"))
except dbm.error[0] as e:
    print(type(e).__name__, str(e).replace(d, "D"))
print(dbm.error)
shutil.rmtree(d)
