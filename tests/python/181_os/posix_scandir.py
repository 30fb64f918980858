# scandir / DirEntry, fspath and path-argument conversion.
import os, stat, tempfile, pathlib

base = tempfile.mkdtemp(prefix='gilpy181s_')
os.mkdir(os.path.join(base, 'dir'))
with open(os.path.join(base, 'file.txt'), 'w') as f:
    f.write('abc')
os.symlink('file.txt', os.path.join(base, 'link'))
os.symlink('dir', os.path.join(base, 'dlink'))
os.symlink('missing', os.path.join(base, 'broken'))

with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path == os.path.join(base, e.name), e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), os.fspath(e) == e.path)
    print('  ', e.inode() == os.lstat(e.path).st_ino, stat.S_ISLNK(e.stat(follow_symlinks=False).st_mode))
f = [e for e in entries if e.name == 'file.txt'][0]
print(f.stat().st_size, f.stat() is f.stat(), type(f).__name__, type(f).__module__)
br = [e for e in entries if e.name == 'broken'][0]
try:
    br.stat()
except FileNotFoundError as e:
    print('FileNotFoundError', e.filename == br.path)

bentries = sorted(e.name for e in os.scandir(os.fsencode(base)))
print(bentries)
old = os.getcwd()
os.chdir(base)
print(sorted(e.path for e in os.scandir()), sorted(e.path for e in os.scandir('dir/')))
os.chdir(old)
fd = os.open(base, os.O_RDONLY)
print(sorted((e.name, e.path, e.is_dir()) for e in os.scandir(fd)))
os.close(fd)
it = os.scandir(base)
print(next(it).name in os.listdir(base))
it.close()
print(list(it))
try:
    os.DirEntry()
except TypeError as e:
    print('TypeError', e)

class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(os.fspath(P('abc')), os.fspath(P(b'abc')), os.fspath(pathlib.PurePosixPath('/a/b')), os.path.exists(P(base)))
for bad in [1, None, 2.5]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    os.fspath(P(3))
except TypeError as e:
    print('TypeError', e)
for call in [lambda: os.stat(2.5), lambda: os.listdir(2.5), lambda: os.open(2.5, 0), lambda: os.stat('a\0b'),
             lambda: os.stat(b'a\0b'), lambda: os.mkdir(None)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.stat(pathlib.Path(base) / 'nope')
except FileNotFoundError as e:
    print('FileNotFoundError', e.filename == os.path.join(base, 'nope'))

import shutil
shutil.rmtree(base)
