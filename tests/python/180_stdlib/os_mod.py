import os, tempfile
print(os.name, os.sep, os.linesep == '\n', os.curdir, os.pardir, os.pathsep, os.extsep)
print(os.path.basename(os.getcwd()), os.getpid() > 0, isinstance(os.environ, os._Environ) if hasattr(os, '_Environ') else True)
os.environ['GILPY_TEST_VAR'] = 'set'
print(os.environ['GILPY_TEST_VAR'], os.getenv('GILPY_TEST_VAR'), os.getenv('GILPY_NOPE', 'default'), 'GILPY_TEST_VAR' in os.environ)
del os.environ['GILPY_TEST_VAR']
print(os.getenv('GILPY_TEST_VAR'))
base = tempfile.mkdtemp()
os.makedirs(os.path.join(base, 'a', 'b'))
os.mkdir(os.path.join(base, 'c'))
for rel in ['a/f1.txt', 'a/b/f2.txt', 'top.txt']:
    with open(os.path.join(base, rel), 'w') as f:
        f.write(rel * 3)
print(sorted(os.listdir(base)), os.path.isdir(os.path.join(base, 'a')), os.path.isfile(os.path.join(base, 'top.txt')))
for root, dirs, files in sorted(os.walk(base)):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
st = os.stat(os.path.join(base, 'top.txt'))
print(st.st_size, type(st.st_mtime).__name__, os.path.getsize(os.path.join(base, 'a', 'f1.txt')))
os.rename(os.path.join(base, 'top.txt'), os.path.join(base, 'renamed.txt'))
print(sorted(e.name for e in os.scandir(base)), sorted(e.is_dir() for e in os.scandir(base)))
try:
    os.mkdir(os.path.join(base, 'c'))
except FileExistsError as e:
    print('FileExistsError', e.errno)
try:
    os.rmdir(os.path.join(base, 'nope'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
old = os.getcwd()
os.chdir(base)
print(os.path.samefile(os.getcwd(), base), sorted(os.listdir('.')))
os.chdir(old)
fd = os.open(os.path.join(base, 'raw.bin'), os.O_WRONLY | os.O_CREAT, 0o644)
print(os.write(fd, b'raw bytes'))
os.close(fd)
fd = os.open(os.path.join(base, 'raw.bin'), os.O_RDONLY)
print(os.read(fd, 3), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
print(os.fspath(b'bytes'), os.fsencode('x'), os.fsdecode(b'y'), os.cpu_count() >= 1, len(os.urandom(8)))
import shutil
shutil.rmtree(base)
print(os.path.exists(base))
