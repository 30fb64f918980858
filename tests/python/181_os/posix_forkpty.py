# forkpty: the child runs on a new pseudo-terminal (its stdout is the tty the
# parent reads from the master side); login_tty's argument errors.
import os, sys

sys.stdout.flush()
pid, fd = os.forkpty()
if pid == 0:
    os.write(1, b'child isatty=%d sid=%d\n' % (os.isatty(1), os.getsid(0) == os.getpid()))
    os._exit(3)
data = b''
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
os.close(fd)
_, status = os.waitpid(pid, 0)
print(data.replace(b'\r\n', b'\n').decode().strip(), os.waitstatus_to_exitcode(status))
for bad in (999, 'x', -1):
    try:
        os.login_tty(bad)
    except Exception as e:
        print(type(e).__name__, e)
import pty
sys.stdout.flush()
pid, fd = pty.fork()
if pid == 0:
    print('pty.fork child', flush=True)
    os._exit(0)
out = b''
while True:
    try:
        c = os.read(fd, 1024)
    except OSError:
        break
    if not c:
        break
    out += c
os.close(fd)
os.waitpid(pid, 0)
print(out.replace(b'\r\n', b'\n').decode().strip())
