# sqlite3 on gilpy's _sqlite3: connections, cursors, parameters, types, Row,
# transactions, errors, adapters/converters, user functions and threads.
import datetime
import sqlite3
import threading


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e,
              getattr(e, "sqlite_errorcode", ""), getattr(e, "sqlite_errorname", ""))


print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.SQLITE_OK, sqlite3.SQLITE_DENY,
      sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_LIMIT_LENGTH)
print(type(sqlite3.sqlite_version_info), len(sqlite3.sqlite_version_info))
print([c.__name__ for c in sqlite3.IntegrityError.__mro__])
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))

con = sqlite3.connect(":memory:")
print(con.isolation_level == "", con.in_transaction, con.total_changes)
cur = con.cursor()
cur.execute("create table t(id integer primary key, name text, score real, data blob, extra)")
cur.execute("insert into t(name, score, data) values (?, ?, ?)", ("ann", 1.5, b"\x00\x01"))
print("lastrowid", cur.lastrowid, "rowcount", cur.rowcount, "in_transaction", con.in_transaction)
cur.executemany("insert into t(name, score) values (:n, :s)",
                [{"n": "bob", "s": 2}, {"n": "cid", "s": None}])
print("rowcount", cur.rowcount)
con.commit()
print("in_transaction", con.in_transaction, "total", con.total_changes)
cur.execute("select * from t order by id")
print([d[0] for d in cur.description])
print(cur.fetchone())
print(cur.fetchmany(5))
print(cur.fetchall(), cur.fetchone())
for row in con.execute("select name, typeof(score) from t where id > ?", (1,)):
    print(row)
print(con.execute("select ?, ?, ?, ?, ?", (None, 2**62, -1.25, "héllo", bytearray(b"ab"))).fetchone())
print(con.execute("select x'cafe', 1/2.0, 'a' || 'b'").fetchone())

# Row
con.row_factory = sqlite3.Row
r = con.execute("select 1 as One, 'two' as two").fetchone()
print(type(r).__name__, r[0], r["one"], r["TWO"], r[-1], r[0:2], r.keys(), len(r), list(r), tuple(r))
r2 = con.execute("select 1 as One, 'two' as two").fetchone()
print(r == r2, r != r2, hash(r) == hash(r2))
show("row missing", lambda: r["nope"])
show("row index", lambda: r[7])
con.row_factory = None

# text_factory
con.text_factory = bytes
print(con.execute("select 'abc'").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select 'abc'").fetchone())
con.text_factory = str

# Errors
show("syntax", lambda: con.execute("selec 1"))
show("two statements", lambda: con.execute("select 1; select 2"))
show("bindings", lambda: con.execute("select ?", (1, 2)))
show("missing name", lambda: con.execute("select :a", {"b": 1}))
show("unsupported", lambda: con.execute("select ?", (object(),)))
show("params type", lambda: con.execute("select ?", 1))
show("overflow", lambda: con.execute("select ?", (2**63,)))
show("bytes sql", lambda: con.execute(b"select 1"))
con.execute("create table u(x unique)")
con.execute("insert into u values (1)")
show("unique", lambda: con.execute("insert into u values (1)"))
show("executemany select", lambda: con.executemany("select ?", [(1,)]))
show("isolation bad", lambda: setattr(con, "isolation_level", "foo"))
con.rollback()

# Transactions and the context manager
with con:
    con.execute("insert into u values (2)")
print(con.in_transaction, con.execute("select count(*) from u").fetchone())
try:
    with con:
        con.execute("insert into u values (3)")
        raise ValueError("boom")
except ValueError:
    pass
print(con.execute("select count(*) from u").fetchone())
con.isolation_level = None
con.execute("insert into u values (4)")
print("autocommit", con.in_transaction)
con.isolation_level = "DEFERRED"
print(con.isolation_level)

# executescript
con.executescript("""
    create table s(a);
    insert into s values (1);
    insert into s values (2);
""")
print(con.execute("select sum(a) from s").fetchone())

# Adapters and converters
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
dcon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dcon.execute("create table p(pt point, d date, ts timestamp)")
dcon.execute("insert into p values (?, ?, ?)", (Point(1, 2), datetime.date(2024, 1, 2),
                                                datetime.datetime(2024, 1, 2, 3, 4, 5)))
pt, d, ts = dcon.execute("select pt, d, ts from p").fetchone()
print(pt.x, pt.y, d, ts)
cur = dcon.execute('select pt as "p [point]" from p')
print(cur.description[0][0], cur.fetchone()[0].y)

# User functions, aggregates, collations
con.create_function("twice", 1, lambda x: x * 2, deterministic=True)
print(con.execute("select twice(21), twice('ab')").fetchone())
con.create_function("bad", 0, lambda: 1 / 0)
show("function raised", lambda: con.execute("select bad()").fetchone())

class Sum:
    def __init__(self):
        self.total = 0
    def step(self, v):
        self.total += v
    def finalize(self):
        return self.total

con.create_aggregate("mysum", 1, Sum)
print(con.execute("select mysum(a) from s").fetchone())
con.create_collation("rev", lambda a, b: (a < b) - (a > b))
print(con.execute("select a from s order by cast(a as text) collate rev").fetchall())

# iterdump and backup
print(list(con.iterdump())[:3])
dst = sqlite3.connect(":memory:")
con.backup(dst)
print(dst.execute("select sum(a) from s").fetchone())

# Closed objects
cur = con.cursor()
cur.close()
show("closed cursor", lambda: cur.execute("select 1"))
con.close()
show("closed connection", lambda: con.execute("select 1"))

# Threads: check_same_thread, and a connection allowed across threads.
c1 = sqlite3.connect(":memory:")
errors = []
def other():
    try:
        c1.execute("select 1")
    except sqlite3.ProgrammingError as e:
        errors.append(str(e).split(".")[0])
t = threading.Thread(target=other)
t.start(); t.join()
print(errors)
c2 = sqlite3.connect(":memory:", check_same_thread=False)
c2.execute("create table n(v)")
def worker(k):
    for i in range(50):
        c2.execute("insert into n values (?)", (k,))
ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(c2.execute("select count(*), sum(v) from n").fetchone())

# A connection waiting on another's lock (busy timeout) does not hold the GIL.
import os, tempfile, time
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "busy.db")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("create table b(x)")
    holder.execute("begin exclusive")
    result = []
    def blocked():
        c = sqlite3.connect(path, timeout=0.5)
        try:
            c.execute("insert into b values (1)")
        except sqlite3.OperationalError as e:
            result.append(str(e))
        c.close()
    t = threading.Thread(target=blocked)
    t.start()
    spins = 0
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        spins += 1
    t.join()
    holder.execute("commit")
    holder.close()
    print(result, "main thread ran while the other waited:", spins > 1000)
