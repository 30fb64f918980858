# TextIOWrapper.tell() / seek() with universal newlines when a chunk ends in
# '\r': the cookie carries the decoder's pending '\r' (as CPython's does), so
# seek(tell()) reads on exactly as before, and chunk positions count the
# bytes a native codec held back (CPython's test_issue1395_5).
import io

data = b"AAA\r\nBBB\rCCC\r\nDDD\nEEE\r\n"
for enc in ("ascii", "utf-8", "latin-1", "utf-16-le"):
    raw = data if enc != "utf-16-le" else data.decode("ascii").encode(enc)
    for cs in (1, 2, 3, 4, 5, 7, 8192):
        txt = io.TextIOWrapper(io.BytesIO(raw), encoding=enc)
        txt._CHUNK_SIZE = cs
        r = txt.read(4)
        pos = txt.tell()
        txt.seek(0)
        txt.seek(pos)
        first = (r, txt.read(4), txt.read())
        ok = True
        txt = io.TextIOWrapper(io.BytesIO(raw), encoding=enc)
        txt._CHUNK_SIZE = cs
        while True:
            p = txt.tell()
            c = txt.read(1)
            if not c:
                break
            txt2 = io.TextIOWrapper(io.BytesIO(raw), encoding=enc)
            txt2._CHUNK_SIZE = cs
            txt2.seek(p)
            ok = ok and txt2.read(1) == c  # seek(tell()) gives the same next character
        print(enc, cs, first, ok)
