# File and directory operations through os (posix), with CPython's errors.
import os, stat, errno, tempfile

base = tempfile.mkdtemp(prefix='gilpy181_')
j = lambda *p: os.path.join(base, *p)

# open/write/read/lseek/fstat/ftruncate/close
fd = os.open(j('a.bin'), os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o640)
print(os.write(fd, b'hello world'), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 0, os.SEEK_SET))
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, -5, os.SEEK_END), os.read(fd, 5))
print(os.fstat(fd).st_size, stat.S_ISREG(os.fstat(fd).st_mode), os.get_inheritable(fd))
os.ftruncate(fd, 4)
print(os.fstat(fd).st_size, os.pread(fd, 2, 1), os.pwrite(fd, b'XY', 2), os.pread(fd, 10, 0))
os.close(fd)
try:
    os.open(j('a.bin'), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
except FileExistsError as e:
    print('FileExistsError', e.errno == errno.EEXIST, e.filename == j('a.bin'))
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e.errno == errno.EBADF, e.filename)

# stat fields and relations
st = os.stat(j('a.bin'))
print(len(st), st.st_size, oct(stat.S_IMODE(st.st_mode)), st.st_nlink, type(st.st_atime).__name__, type(st[7]).__name__)
print(st.st_mtime_ns // 10**9 == st[8], abs(st.st_mtime - st.st_mtime_ns / 1e9) < 1e-3, st.st_blksize > 0, st.st_blocks >= 0)
print(st == os.stat(j('a.bin')), os.stat(j('a.bin'), follow_symlinks=False).st_ino == st.st_ino)
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, tuple(st)[:7] == (st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, st.st_size))

# chmod, access, utime
os.chmod(j('a.bin'), 0o600)
print(oct(stat.S_IMODE(os.stat(j('a.bin')).st_mode)), os.access(j('a.bin'), os.R_OK | os.W_OK), os.access(j('nope'), os.F_OK))
os.utime(j('a.bin'), (1000000000, 1000000001.5))
st = os.stat(j('a.bin'))
print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8])
os.utime(j('a.bin'), ns=(5 * 10**9 + 7, 6 * 10**9 + 123456789))
st = os.stat(j('a.bin'))
print(st.st_atime_ns, st.st_mtime_ns)
for bad in [dict(times=(1, 2), ns=(1, 2)), dict(times=5), dict(ns=(1,))]:
    try:
        os.utime(j('a.bin'), **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# directories
os.mkdir(j('d'))
os.makedirs(j('d', 'e', 'f'))
os.makedirs(j('d', 'e'), exist_ok=True)
for name in ['x.txt', 'y.txt']:
    with open(j('d', name), 'w') as f:
        f.write(name)
print(sorted(os.listdir(j('d'))), sorted(os.listdir(os.fsencode(j('d')))))
try:
    os.rmdir(j('d'))
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOTEMPTY)
try:
    os.mkdir(j('d'))
except FileExistsError as e:
    print('FileExistsError', str(e) == "[Errno 17] File exists: %r" % j('d'))
try:
    os.listdir(j('missing'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.filename == j('missing'), e.strerror)
try:
    os.listdir(j('a.bin'))
except NotADirectoryError as e:
    print('NotADirectoryError', e.errno == errno.ENOTDIR)

# rename / replace / link / symlink / readlink / unlink
os.rename(j('d', 'x.txt'), j('d', 'x2.txt'))
os.replace(j('d', 'y.txt'), j('d', 'x2.txt'))
print(sorted(os.listdir(j('d'))), open(j('d', 'x2.txt')).read())
try:
    os.rename(j('none1'), j('none2'))
except FileNotFoundError as e:
    print('rename', e.filename == j('none1'), e.filename2 == j('none2'), str(e).endswith("-> %r" % j('none2')))
os.link(j('d', 'x2.txt'), j('hard'))
print(os.stat(j('hard')).st_nlink, os.path.samefile(j('hard'), j('d', 'x2.txt')))
os.symlink('d/x2.txt', j('sym'))
print(os.readlink(j('sym')), os.readlink(os.fsencode(j('sym'))), os.path.islink(j('sym')), os.path.isfile(j('sym')))
print(stat.S_ISLNK(os.lstat(j('sym')).st_mode), stat.S_ISREG(os.stat(j('sym')).st_mode))
try:
    os.readlink(j('hard'))
except OSError as e:
    print(type(e).__name__, e.errno == errno.EINVAL)
os.unlink(j('hard'))
os.remove(j('sym'))
try:
    os.remove(j('sym'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)

# truncate by path, dir_fd variants
with open(j('t.txt'), 'wb') as f:
    f.write(b'0123456789')
os.truncate(j('t.txt'), 3)
print(os.path.getsize(j('t.txt')))
dfd = os.open(base, os.O_RDONLY)
print(os.stat('t.txt', dir_fd=dfd).st_size, os.access('t.txt', os.R_OK, dir_fd=dfd))
os.mkdir('sub', dir_fd=dfd)
os.rename('t.txt', 'sub/t2.txt', src_dir_fd=dfd, dst_dir_fd=dfd)
print(sorted(os.listdir(j('sub'))))
os.unlink('sub/t2.txt', dir_fd=dfd)
os.rmdir('sub', dir_fd=dfd)
print(sorted(os.listdir(dfd)))
os.close(dfd)
print(os.stat in os.supports_dir_fd, os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks, os.listdir in os.supports_fd)

# chdir / getcwd / getcwdb
old = os.getcwd()
os.chdir(j('d'))
print(os.getcwd() == os.path.realpath(j('d')), os.getcwdb() == os.fsencode(os.getcwd()), sorted(os.listdir()))
os.chdir(old)

import shutil
shutil.rmtree(base)
print(os.path.exists(base))
