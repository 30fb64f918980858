# A parent and a forked child share an anonymous MAP_SHARED map (and a file-backed one);
# MAP_PRIVATE and ACCESS_COPY maps are copied on write, so the child's writes stay its own.
import mmap
import os
import struct
import tempfile

shared = mmap.mmap(-1, mmap.PAGESIZE)
private = mmap.mmap(-1, mmap.PAGESIZE, flags=mmap.MAP_PRIVATE)
shared[:6] = b"parent"
private[:6] = b"parent"
d = tempfile.mkdtemp()
path = os.path.join(d, "shared.bin")
with open(path, "wb") as f:
    f.write(b"\0" * mmap.PAGESIZE)
with open(path, "r+b") as f:
    filemap = mmap.mmap(f.fileno(), 0)
    copymap = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    shared[:6] = b"child!"
    private[:6] = b"child!"
    filemap[:4] = b"file"
    copymap[:4] = b"copy"
    mv = memoryview(shared)
    struct.pack_into("<I", mv, 8, 0xDEADBEEF)
    mv.release()
    counter = shared
    for i in range(1000):
        n = struct.unpack_from("<I", counter, 16)[0]
        struct.pack_into("<I", counter, 16, n + 1)
    os.write(w, b"done")
    os._exit(0)
os.close(w)
print("child says", os.read(r, 4))
os.close(r)
_, status = os.waitpid(pid, 0)
print("child exit", os.waitstatus_to_exitcode(status))
print("shared", shared[:6], hex(struct.unpack_from("<I", shared, 8)[0]), struct.unpack_from("<I", shared, 16)[0])
print("private", private[:6])
print("file map", filemap[:4], "copy map", copymap[:4])
with open(path, "rb") as f:
    print("file on disk", f.read(4))

# several children bump their own slot of one shared map
slots = mmap.mmap(-1, 8 * 4)
pids = []
for k in range(4):
    pid = os.fork()
    if pid == 0:
        for i in range(100 * (k + 1)):
            struct.pack_into("<q", slots, 8 * k, struct.unpack_from("<q", slots, 8 * k)[0] + 1)
        os._exit(0)
    pids.append(pid)
for pid in pids:
    os.waitpid(pid, 0)
print("slots", struct.unpack("<4q", slots))
for mm in (shared, private, filemap, copymap, slots):
    mm.close()
os.unlink(path)
os.rmdir(d)
