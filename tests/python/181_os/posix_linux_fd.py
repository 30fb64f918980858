# Linux descriptor calls: getrandom, splice, copy_file_range, eventfd,
# memfd_create, scatter/gather I/O, lockf, posix_fadvise/fallocate, with
# CPython's argument errors.
import os, errno, select, tempfile

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', r if not isinstance(r, bytes) or len(r) < 20 else len(r))
    except Exception as e:
        print(type(e).__name__, e)

base = tempfile.mkdtemp(prefix='gilpy181lx_')
j = lambda *p: os.path.join(base, *p)

# getrandom
print(len(os.getrandom(16)), len(os.getrandom(0)), len(os.getrandom(5, os.GRND_NONBLOCK)), len(os.getrandom(size=3, flags=0)))
print(os.GRND_NONBLOCK, os.GRND_RANDOM)
err(os.getrandom, -1)
err(os.getrandom, 1.5)

# splice through a pipe
with open(j('src'), 'wb') as f:
    f.write(b'0123456789abcdef')
src = os.open(j('src'), os.O_RDONLY)
r, w = os.pipe()
print(os.splice(src, w, 6), os.read(r, 100))
print(os.splice(src, w, 4, offset_src=10), os.read(r, 100))
print(os.lseek(src, 0, os.SEEK_CUR))
err(os.splice, src, w, -10)
err(os.splice, 999, w, 1)
print(os.SPLICE_F_MOVE, os.SPLICE_F_NONBLOCK, os.SPLICE_F_MORE)

# copy_file_range
dst = os.open(j('dst'), os.O_RDWR | os.O_CREAT, 0o600)
print(os.copy_file_range(src, dst, 3, 0), os.pread(dst, 100, 0))
print(os.copy_file_range(src, dst, 5, offset_src=2, offset_dst=10), os.pread(dst, 100, 0))
err(os.copy_file_range, src, dst, -1)
os.close(src)
os.close(dst)
os.close(r)
os.close(w)

# eventfd
fd = os.eventfd(3)
print(os.get_inheritable(fd), os.eventfd_read(fd))
os.eventfd_write(fd, 5)
os.eventfd_write(fd, 2**40)
print(os.eventfd_read(fd))
os.close(fd)
fd = os.eventfd(2, flags=os.EFD_SEMAPHORE | os.EFD_NONBLOCK)
print(os.eventfd_read(fd), os.eventfd_read(fd))
try:
    os.eventfd_read(fd)
except BlockingIOError as e:
    print('BlockingIOError', e.errno == errno.EAGAIN)
rl, _, _ = select.select([fd], [], [], 0)
print(rl)
os.eventfd_write(fd, 1)
rl, _, _ = select.select([fd], [], [], 0)
print(rl == [fd])
os.close(fd)
err(os.eventfd, -1)
err(os.eventfd, 2**33)
err(os.eventfd_write, 0, -1)
err(os.eventfd_read, 999)
print(os.EFD_CLOEXEC == os.O_CLOEXEC, os.EFD_NONBLOCK == os.O_NONBLOCK, os.EFD_SEMAPHORE)

# memfd_create
fd = os.memfd_create('gilpy-test')
print(os.write(fd, b'memory'), os.pread(fd, 10, 0), os.get_inheritable(fd))
os.close(fd)
fd = os.memfd_create(b'bytes-name', os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
os.close(fd)
err(os.memfd_create, 'x', 12345678)
print(os.MFD_HUGE_SHIFT, os.MFD_HUGE_MASK, os.MFD_HUGE_2MB, os.MFD_HUGE_1GB)

# readv / writev / preadv / pwritev
fd = os.open(j('vec'), os.O_RDWR | os.O_CREAT, 0o600)
print(os.writev(fd, [b'abc', bytearray(b'de'), memoryview(b'fgh')]))
os.lseek(fd, 0, os.SEEK_SET)
bufs = [bytearray(2), bytearray(3), bytearray(10)]
print(os.readv(fd, bufs), bufs)
print(os.pwritev(fd, [b'XY', b'Z'], 1))
bufs = [bytearray(4), bytearray(4)]
print(os.preadv(fd, bufs, 0), bufs)
err(os.readv, fd, [b'immutable'])
err(os.readv, fd, 'abc')
err(os.readv, fd, 5)
err(os.writev, fd, ['x'])
err(os.writev, 999, [b'x'])
print(os.RWF_DSYNC, os.RWF_HIPRI, os.RWF_SYNC, os.RWF_NOWAIT, os.RWF_APPEND)

# lockf, posix_fadvise, posix_fallocate
os.lockf(fd, os.F_LOCK, 0)
os.lockf(fd, os.F_ULOCK, 0)
err(os.lockf, 999, os.F_LOCK, 0)
os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
err(os.posix_fadvise, 999, 0, 0, os.POSIX_FADV_NORMAL)
os.posix_fallocate(fd, 0, 100)
print(os.fstat(fd).st_size)
err(os.posix_fallocate, 999, 0, 10)
err(os.posix_fallocate, fd, -1, 10)
os.close(fd)
err(os.tcgetpgrp, 999)

for name in os.listdir(base):
    os.unlink(j(name))
os.rmdir(base)
