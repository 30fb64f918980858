# hz and five ISO-2022-JP codecs (written out in gilpy: glibc's iconv
# has no converter for three of them): one-shot encode/decode with every error
# handler, on valid text and on invalid input, as CPython 3.11 does them.
ENCS = ["hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_2004"]


def show(f):
    try:
        return ascii(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


texts = ["", "abc", "~{}", "\u304b\u309a\u00e6\u0300\U00020089\u3406\u2014", "\u804a\u804a", "\u804a~a", "a\u4e9c\u00e9\uff71\uff9f\u00a5\u203e\uff3c\n\u3000",
         "\u4e02\u20ac\U0001F600\udc80", "\u00ad\uac00\u554a\u0391\u03ac\u327e", "\u5df1\u6240\u4e0d\u6b32\uff0c\u52ff\u65bd\u65bc\u4eba\u3002"]
for enc in ENCS:
    for t in texts:
        for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
            print(enc, ascii(t), errors, show(lambda: t.encode(enc, errors)))
    ok = 0
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            b = chr(cp).encode(enc)
        except UnicodeEncodeError:
            continue
        assert b.decode(enc) == chr(cp), (enc, hex(cp))
        ok += 1
    print(enc, "round trips", ok)

bad = {
    "hz": [b"~", b"ab~cd", b"ab\xffcd", b"ab~{\x81\x81\x41\x44~}cd", b"ab~{\x79\x79\x41\x44~}cd", b"~{Dc~~:C~}",
           b"~{Dc~\n:C~}", b"~{A", b"~{A\n", b"~}", b"~{~x", b"a~\nb", b"~{!!~}"],
    "jp": [b"\x1b$B0!\n0!", b"\x1b$B0! 0!", b"\x1b$B0", b"\x1b$", b"\x1b", b"\x1b$Z0!abc", b"\x1b(Iabc",
           b"\x1b(I1\x1b$(D+1\x1b(J\\~", b"a\x80b", b"\x1b$B\x7f\x7f", b"\x1b$(D\"7", b"\x1b$B!@",
           b"\x1bNA", b"\x1bx\xe9A\x1b$B0!", b"\x1b&@\x1b$B0!", b"\x1b&@0!", b"\x1b(" + b"a" * 13 + b"B",
           b"\x1b(" + b"a" * 14 + b"B", b"\x1b$B0\x1b(Babc", b"\x1b)I0!", b"\x1b(\x0e\x1b$B0!"],
}
for enc in ENCS:
    for b in bad["hz" if enc == "hz" else "jp"]:
        for errors in ["strict", "replace", "ignore", "backslashreplace"]:
            print(enc, b, errors, show(lambda: b.decode(enc, errors)))

# CPython's HZ encoder loses the second "~" of an escaped tilde that lands at
# the end of its output buffer (2 * characters + 16 bytes, grown by half).
for n in (12, 13, 17, 18, 77):
    b = ("\u804a~" * n).encode("hz")
    print("hz tildes", n, len(b), b[-12:], show(lambda: b.decode("hz")))
