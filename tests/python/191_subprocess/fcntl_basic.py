# fcntl.fcntl / ioctl / flock / lockf and the constants.
import fcntl
import os
import struct
import tempfile

FIONREAD = 0x541B  # Linux's value (termios is not written yet)

print(fcntl.F_GETFD, fcntl.F_SETFD, fcntl.F_GETFL, fcntl.F_SETFL, fcntl.FD_CLOEXEC)
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_RDLCK, fcntl.F_WRLCK, fcntl.F_UNLCK)

r, w = os.pipe()
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print(fcntl.fcntl(r, fcntl.F_GETFD), os.get_inheritable(r))
fl = fcntl.fcntl(w, fcntl.F_GETFL)
print(bool(fl & os.O_NONBLOCK))
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(os.get_blocking(w))

class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
print(fcntl.fcntl(F(w), fcntl.F_GETFL) & os.O_NONBLOCK != 0)
print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)

# ioctl FIONREAD with int, bytes and bytearray arguments.
os.write(w, b"12345")
buf = bytearray(4)
print(fcntl.ioctl(r, FIONREAD, buf), struct.unpack("i", buf)[0])
print(struct.unpack("i", fcntl.ioctl(r, FIONREAD, b"\0\0\0\0"))[0])
buf = bytearray(4)
print(fcntl.ioctl(r, FIONREAD, buf, False), buf)

for f in [lambda: fcntl.fcntl(r, 99999), lambda: fcntl.fcntl(-1, 1), lambda: fcntl.fcntl(r, fcntl.F_GETFL, b"x" * 2000),
          lambda: fcntl.fcntl(r, fcntl.F_GETFL, 1.5), lambda: fcntl.fcntl("a", 1), lambda: fcntl.flock(99999, fcntl.LOCK_EX),
          lambda: fcntl.lockf(r, 0), lambda: fcntl.ioctl(r, FIONREAD, b"x" * 2000),
          lambda: fcntl.fcntl(r, fcntl.F_GETFL, "ab")]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
os.close(r)
os.close(w)

# flock / lockf on a file; a second open file description conflicts.
with tempfile.TemporaryFile() as f1:
    path = f"/proc/self/fd/{f1.fileno()}"
    fcntl.flock(f1, fcntl.LOCK_EX)
    f2 = open(path, "rb")
    try:
        fcntl.flock(f2, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as e:
        print("flock busy:", type(e).__name__, e.errno)
    fcntl.flock(f1, fcntl.LOCK_UN)
    fcntl.flock(f2, fcntl.LOCK_EX | fcntl.LOCK_NB)
    print("flock taken")
    fcntl.flock(f2, fcntl.LOCK_UN)
    f2.close()
    print(fcntl.lockf(f1, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0, 0))
    print(fcntl.lockf(f1, fcntl.LOCK_UN))
    # F_GETLK with a struct flock in a bytes buffer: nothing else holds a lock.
    lk = struct.pack("hhqqi", fcntl.F_WRLCK, 0, 0, 0, 0)
    res = fcntl.fcntl(f1, fcntl.F_GETLK, lk + b"\0" * 4)
    print(struct.unpack("hhqqi", res[:struct.calcsize("hhqqi")])[0] == fcntl.F_UNLCK)
