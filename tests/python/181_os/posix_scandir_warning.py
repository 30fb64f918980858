# An unexhausted, unclosed scandir iterator that is collected warns
# (ResourceWarning) and closes its directory stream; exhausted, closed and
# with-managed iterators do not warn.
import os, gc, warnings, tempfile

base = tempfile.mkdtemp(prefix='gilpy181sw_')
for n in ('a', 'b', 'c'):
    open(os.path.join(base, n), 'w').close()

def collect(make):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        make()
        for _ in range(3):
            gc.collect()
    return [(x.category.__name__, str(x.message).split(' <')[0]) for x in w]

def partial():
    it = os.scandir(base)
    next(it)
def exhausted():
    list(os.scandir(base))
def closed():
    it = os.scandir(base)
    next(it)
    it.close()
def managed():
    with os.scandir(base) as it:
        next(it)

print('partial', collect(partial))
print('exhausted', collect(exhausted))
print('closed', collect(closed))
print('managed', collect(managed))
for n in ('a', 'b', 'c'):
    os.unlink(os.path.join(base, n))
os.rmdir(base)
