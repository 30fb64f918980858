# csv on the native _csv: random rows through every dialect option round-trip as CPython's do (same text, same parse), raw parsing cases, dialect errors, the registry, field_size_limit, DictReader/DictWriter, Sniffer.
import csv, io, random
random.seed(3)
alphabet = ['a', 'b', ',', '"', ' ', '\n', '\r', ';', '\\', "'", '1', '2.5', 'é', '\t', '']
def rnd_field():
    return "".join(random.choice(alphabet) for _ in range(random.randint(0, 5)))
dialects = [dict(), dict(delimiter=';'), dict(quoting=csv.QUOTE_ALL), dict(quoting=csv.QUOTE_NONNUMERIC),
            dict(quoting=csv.QUOTE_NONE, escapechar='\\'), dict(doublequote=False, escapechar='\\'),
            dict(quotechar="'", skipinitialspace=True), dict(lineterminator='\n'), dict(strict=True)]
for di, kw in enumerate(dialects):
    for trial in range(60):
        rows = [[rnd_field() for _ in range(random.randint(1, 4))] for _ in range(random.randint(1, 3))]
        if kw.get('quoting') == csv.QUOTE_NONNUMERIC:
            rows = [[random.choice([1, 2.5, -3, 'x,y', 'q"']) for _ in r] for r in rows]
        out = io.StringIO()
        try:
            w = csv.writer(out, **kw)
            w.writerows(rows)
            text = out.getvalue()
        except Exception as e:
            print(di, trial, "write", type(e).__name__, e); continue
        try:
            back = list(csv.reader(io.StringIO(text, newline=''), **kw))
        except Exception as e:
            print(di, trial, "read", type(e).__name__, e); continue
        print(di, trial, repr(text), back == rows or back)
# parsing raw text
samples = ['a,b,c\n', '"a,b",c\n', '"a""b",c\r\n', 'a, "b"\n', '"unterminated\n', 'a,"b"c\n', ' x , y \n', '\n\n', 'a,b\rc,d\n', '"a\nb",c\n', 'x\\,y,z\n', '']
for s in samples:
    for kw in [{}, {'strict': True}, {'skipinitialspace': True}, {'escapechar': '\\'}]:
        try:
            r = csv.reader(io.StringIO(s, newline=''), **kw); rows = list(r); print(repr(s), kw, rows, r.line_num)
        except csv.Error as e:
            print(repr(s), kw, "Error", e)
for bad in [dict(delimiter=''), dict(delimiter='ab'), dict(quotechar=5), dict(quoting=9), dict(lineterminator=3), dict(quotechar=None), dict(escapechar='xy')]:
    try: csv.writer(io.StringIO(), **bad); print(bad, "ok")
    except Exception as e: print(bad, type(e).__name__, e)
print(csv.list_dialects())
d = csv.get_dialect('excel'); print(d.delimiter, repr(d.lineterminator), d.quoting, d.doublequote)
csv.register_dialect('pipes', delimiter='|'); print(csv.get_dialect('pipes').delimiter); csv.unregister_dialect('pipes')
try: csv.get_dialect('nope')
except csv.Error as e: print("Error", e)
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
try: list(csv.reader(["a" * 20]))
except csv.Error as e: print("Error", e)
csv.field_size_limit(131072)
out = io.StringIO(); w = csv.writer(out); w.writerow(['']); w.writerow([None, 1, 2.5, True]); print(repr(out.getvalue()))
try: w.writerow(5)
except csv.Error as e: print("Error", e)
print(list(csv.DictReader(io.StringIO("a,b\n1,2\n3,4\n"))))
o = io.StringIO(); dw = csv.DictWriter(o, ["x", "y"]); dw.writeheader(); dw.writerow({"x": 1, "y": "z,w"}); print(repr(o.getvalue()))
print(csv.Sniffer().sniff("a;b;c\n1;2;3\n").delimiter)
try: list(csv.reader([b"abc"]))
except csv.Error as e: print("Error", e)
# dialect by keyword, by registered name, and both at once
import _csv
print(list(csv.reader(io.StringIO('a\tb\n'), dialect='excel-tab')), repr(_csv.Dialect(dialect='excel-tab').delimiter))
try: csv.reader([], 'excel', dialect='excel')
except TypeError as e: print("TypeError", e)
try: _csv.Dialect('nope')
except csv.Error as e: print('Error', e)
