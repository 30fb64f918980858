# Struct sequences expose their fields as read-only member descriptors (as
# CPython): dir() lists them, and no attribute can be set or deleted. Also
# bytes-like paths (deprecated) and the dir_fd type error.
import os, sys, time, warnings

st = os.stat('.')
print([a for a in dir(st) if a.startswith('st_')])
print(type(os.stat_result.__dict__['st_mode']).__name__, 'st_rdev' in dir(st), hasattr(st, '__dict__') or True)
for name in ('st_mode', 'st_rdev', 'st_atime', 'parrot'):
    for op in ('set', 'del'):
        try:
            setattr(st, name, 1) if op == 'set' else delattr(st, name)
            print(op, name, 'no error')
        except AttributeError as e:
            print(op, name, 'AttributeError', e)
vfs = os.statvfs('.')
try:
    vfs.f_bfree = 1
except AttributeError as e:
    print('statvfs', e)
print(type(vfs.f_fsid).__name__, 'f_bsize' in dir(vfs))
lt = time.localtime(0)
try:
    lt.x = 1
except AttributeError as e:
    print('struct_time', e)
print('tm_year' in dir(lt), 'tm_zone' in dir(lt), lt.tm_year == lt[0])
print(sys.version_info.major == sys.version_info[0], 'major' in dir(sys.version_info))
print(os.terminal_size((80, 24)).columns, os.times_result((1, 2, 3, 4, 5)).elapsed)
r = os.stat_result(tuple(range(10)))
print(r.st_mode, r.st_ctime, r.st_atime_ns, r[9])

# bytes-like paths: accepted with a DeprecationWarning
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(os.stat(bytearray(b'.')).st_mode == st.st_mode)
    print(sorted(os.listdir(memoryview(b'/'))) == sorted(os.listdir(b'/')))
    print(type(os.listdir(bytearray(b'/'))[0]).__name__)
for x in w:
    print(x.category.__name__, x.message)
try:
    with warnings.catch_warnings(record=True):
        warnings.simplefilter('always')
        os.chdir(bytearray(b'/nonexistent-gilpy'))
except FileNotFoundError as e:
    print(type(e.filename).__name__, e.filename)
for bad in ('x', 1.5, [1]):
    try:
        os.stat('.', dir_fd=bad)
    except TypeError as e:
        print(e)
try:
    os.stat(None)
except TypeError as e:
    print(e)
