# regen: manual. gilpy counts only views made from the map itself (memoryview(m)); views of
# views (slices, casts) do not keep close() from succeeding, because the collector cannot tell
# a dropped temporary slice from a live one (CPython raises BufferError "cannot close exported
# pointers exist" here). Such a view never touches the unmapped memory: it raises instead.
import mmap

m = mmap.mmap(-1, 16)
m[:4] = b"abcd"
mv = memoryview(m)
half = mv[::2]
try:
    m.close()
except BufferError as e:
    print("BufferError", e)
mv.release()
print(bytes(half))
m.close()
print("closed", m.closed)
for f in (lambda: bytes(half), lambda: half[0], lambda: half.__setitem__(0, 1), lambda: half.tolist()):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
