# regen: manual. CPython 3.11 crashes here (SIGBUS on the grown pages: mremap grows a shared
# anonymous mapping but not its shmem object, kernel bug 8691); gilpy refuses to grow such a map
# with the ValueError later CPython versions raise. Shrinking stays allowed.
import mmap

m = mmap.mmap(-1, mmap.PAGESIZE)
m[:3] = b"abc"
try:
    m.resize(2 * mmap.PAGESIZE)
except ValueError as e:
    print("ValueError", e)
print(len(m), m[:3])
m.resize(100)
print(len(m), m[:3])
m.close()
