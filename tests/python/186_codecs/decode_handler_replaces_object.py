# A decoding error handler may replace exc.object: decoding goes on in the new
# input (and a non-bytes replacement is a TypeError), for every decoder.
import codecs

def replace_with_long(exc):
    exc.object = b"\x00" * 8
    return ("\ufffd", exc.start)
codecs.register_error("t.long", replace_with_long)
print(ascii(b"\x00".decode("utf-16", "t.long")), ascii(b"\x00".decode("utf-32", "t.long")))

def mutating(exc):
    exc.object = b""
    return ("\u4242", 0)
codecs.register_error("t.mutating", mutating)
def replacing(exc):
    exc.object = 42
    return ("\u4242", 0)
codecs.register_error("t.replacing", replacing)
for enc, data in [("ascii", b"\xff"), ("utf-7", b"++"), ("utf-8", b"\xff"), ("utf-16", b"\xff"),
                  ("utf-32", b"\xff"), ("unicode-escape", b"\\u123g"), ("raw-unicode-escape", b"\\u123g")]:
    try:
        data.decode(enc, "t.replacing")
    except TypeError as e:
        print(enc, "TypeError")
    print(enc, ascii(data.decode(enc, "t.mutating")))
