# The incremental encoders/decoders and stream reader/writer of hz and
# the ISO-2022-JP codecs: states, chunked input, final, reset.
import codecs
import io
import random

ENCS = ["hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_2004"]


def show(f):
    try:
        return ascii(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


for enc in ENCS:
    e = codecs.getincrementalencoder(enc)()
    out = []
    for ch in "a\u804a\u00e9~\uff71\u4e9cb\u00a5\u304b\u309a\u304bx":
        try:
            out.append(e.encode(ch))
        except UnicodeEncodeError as x:
            out.append(str(x))
        out.append(e.getstate())
    out.append(e.encode("", final=True))
    out.append(e.getstate())
    print(enc, "encoder", out)
    e.setstate(out[3])
    print(enc, "setstate", e.encode("x", True))
    d = codecs.getincrementaldecoder(enc)("replace")
    data = "a\u804a\u00e9~\u4e9cb\u00a5\n".encode(enc, "replace")
    out = []
    for i in range(len(data)):
        out.append(d.decode(data[i:i + 1]))
        out.append(d.getstate())
    out.append(d.decode(b"", final=True))
    print(enc, "decoder", out)
    d.reset()
    print(enc, "reset", d.getstate(), show(lambda: d.decode(data[:3], final=True)))

rng = random.Random(7)
alph = [b"~", b"{", b"}", b"\n", b"~{", b"~}", b"~~", b"AD", b"\x80", b"a", b"\x1b", b"$", b"(", b"B", b"J", b"I",
        b"\x1b$B", b"\x1b(B", b"\x1b(I", b"\x1b$(D", b"0!", b"+1", b"1", b"&@", b"\x1b&@\x1b$B", b"\x1b$(Q", b"$w", b"\x1b$(P"]
for it in range(300):
    enc = ENCS[it % 3]
    data = b"".join(rng.choice(alph) for _ in range(rng.randint(0, 8)))
    errors = rng.choice(["strict", "replace", "ignore"])

    def chunked():
        d = codecs.getincrementaldecoder(enc)(errors)
        out, i = [], 0
        while i < len(data):
            k = rng.randint(1, 3)
            out.append(d.decode(data[i:i + k]))
            out.append(d.getstate())
            i += k
        out.append(d.decode(b"", True))
        return out
    print(enc, data, errors, show(lambda: data.decode(enc, errors)), show(chunked))

for enc in ENCS:
    text = "\u804aa~\u00e9\u4e9c\uff71\n" * 3
    bio = io.BytesIO()
    w = codecs.getwriter(enc)(bio, "replace")
    w.write(text)
    w.writelines(["\u804a", "b"])
    w.reset()
    print(enc, "writer", bio.getvalue())
    r = codecs.getreader(enc)(io.BytesIO(bio.getvalue()), "replace")
    print(enc, "reader", ascii(r.read(3)), ascii(r.readline()), ascii(r.readlines()))
    print(enc, codecs.lookup(enc).name, codecs.lookup(enc.replace("_", "-")).name)
