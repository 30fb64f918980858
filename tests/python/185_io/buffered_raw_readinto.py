# BufferedReader reads its raw stream through readinto() (as CPython's), with
# CPython's OSErrors for a bad result; BufferedReader is never writable and
# BufferedWriter never readable, whatever the raw stream.
import io

print(io.BufferedReader(io.BytesIO()).writable(), io.BufferedWriter(io.BytesIO()).readable(),
      io.BufferedRandom(io.BytesIO()).writable(), io.BufferedRandom(io.BytesIO()).readable())
try:
    io.BufferedReader(io.BytesIO(b"abc")).truncate()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)


class Raw(io.RawIOBase):
    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.calls = 0

    def readable(self):
        return True

    def readinto(self, b):
        self.calls += 1
        if not self.chunks:
            return 0
        data = self.chunks.pop(0)
        b[: len(data)] = data
        return len(data)


r = Raw([b"abc", b"de", b"fgh"])
f = io.BufferedReader(r, buffer_size=10)
print(f.read(), r.calls)

for bad in (lambda buf: -1, lambda buf: b"", lambda buf: 10**6):
    raw = io.BufferedReader(io.BytesIO(b"12"))
    raw.readinto = bad
    try:
        io.BufferedReader(raw).readline()
    except OSError as e:
        print("OSError:", e, "| cause:", type(e.__cause__).__name__ if e.__cause__ else None)

# A buffer size no machine can give is a MemoryError at construction.
import sys
for cls in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    try:
        cls(io.BytesIO(), sys.maxsize)
    except MemoryError:
        print(cls.__name__, "MemoryError")
    print(cls.__name__, cls(io.BytesIO(), 1 << 20).raw is not None)
