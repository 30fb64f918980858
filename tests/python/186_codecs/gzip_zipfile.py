# The stdlib archivers built on zlib: gzip, zipfile (ZIP_DEFLATED), tarfile
# ("w:gz") and shutil.make_archive. Printed: decompressed contents and sizes,
# never raw gzip bytes (they contain a timestamp).
import gzip
import io
import os
import shutil
import tarfile
import tempfile
import zipfile
import zlib

text = "".join("%05d the quick brown fox\n" % i for i in range(5000)).encode()

# gzip in memory.
g = gzip.compress(text)
print(g[:3].hex(), gzip.decompress(g) == text, len(gzip.decompress(g)))
print(gzip.decompress(gzip.compress(b"abc", mtime=0)), gzip.compress(b"abc", mtime=0).hex())
print(zlib.decompress(gzip.compress(text), 31) == text)
print(gzip.decompress(gzip.compress(b"one") + gzip.compress(b"two")))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    f.write(b"first ")
    f.write(b"second")
print(buf.getvalue().hex())
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(3), f.read())
try:
    gzip.decompress(g[:-10])
except EOFError as e:
    print("EOFError", e)

with tempfile.TemporaryDirectory() as tmp:
    # gzip files: text mode, line iteration, appended members.
    path = os.path.join(tmp, "data.txt.gz")
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(1000):
            f.write("row %d \u00e9\n" % i)
    with gzip.open(path, "at", encoding="utf-8") as f:
        f.write("appended\n")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    print(len(lines), lines[0], lines[-2], lines[-1], end="")
    with gzip.open(path, "rb") as f:
        f.seek(100)
        print(f.read(12))

    # zipfile with deflate.
    zpath = os.path.join(tmp, "a.zip")
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("text.txt", text)
        z.writestr("small.txt", b"small")
        z.writestr("stored.txt", b"stored" * 100, compress_type=zipfile.ZIP_STORED)
        z.writestr("level9.txt", text, compresslevel=9)
        with z.open("streamed.bin", "w") as w:
            for i in range(100):
                w.write(bytes([i]) * 1000)
    with zipfile.ZipFile(zpath) as z:
        for info in z.infolist():
            print(info.filename, info.compress_type, info.file_size, info.CRC)
        print(z.read("text.txt") == text, z.read("small.txt"), len(z.read("stored.txt")))
        with z.open("streamed.bin") as r:
            print(r.read(5), len(r.read()))
        print(z.testzip())

    # tarfile with gzip.
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "sub"))
    with open(os.path.join(src, "a.txt"), "wb") as f:
        f.write(text)
    with open(os.path.join(src, "sub", "b.txt"), "wb") as f:
        f.write(b"bee\n" * 10)
    tpath = os.path.join(tmp, "t.tar.gz")
    with tarfile.open(tpath, "w:gz") as t:
        t.add(src, arcname="src")
    with tarfile.open(tpath, "r:gz") as t:
        names = sorted(t.getnames())
        print(names)
        print(t.extractfile("src/sub/b.txt").read())
        print(len(t.extractfile("src/a.txt").read()))
    with tarfile.open(tpath) as t:  # compression detected automatically
        print(sorted(m.name for m in t.getmembers() if m.isfile()))
    out = os.path.join(tmp, "out")
    with tarfile.open(tpath, "r:*") as t:
        t.extractall(out)
    with open(os.path.join(out, "src", "a.txt"), "rb") as f:
        print(f.read() == text)

    # shutil.make_archive / unpack_archive.
    for fmt in ("zip", "gztar"):
        arch = shutil.make_archive(os.path.join(tmp, "arch_" + fmt), fmt, root_dir=src)
        print(fmt, os.path.basename(arch))
        dest = os.path.join(tmp, "unpacked_" + fmt)
        shutil.unpack_archive(arch, dest)
        print(sorted(os.listdir(dest)), sorted(os.listdir(os.path.join(dest, "sub"))))
        with open(os.path.join(dest, "a.txt"), "rb") as f:
            print(f.read() == text)
