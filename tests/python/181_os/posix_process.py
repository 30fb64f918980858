# Process, environment and system-information functions of os.
import os, sys, errno

print(os.name, os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(os.getuid() == os.geteuid() or True, isinstance(os.getgid(), int), isinstance(os.getegid(), int))
u = os.uname()
print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname)
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user >= 0, t.elapsed > 0)
print(os.cpu_count() >= 1, os.sysconf('SC_PAGESIZE') > 0, os.sysconf(os.sysconf_names['SC_CLK_TCK']) > 0)
try:
    os.sysconf('SC_NOPE')
except ValueError as e:
    print('ValueError', e)
print(os.confstr('CS_PATH') is not None, len(os.getloadavg()), len(os.sched_getaffinity(0)) >= 1)
print(os.strerror(errno.ENOENT), os.strerror(errno.EACCES), os.strerror(99999))
print(len(os.urandom(16)), os.urandom(0))
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError', e)

# environment
os.environ['GILPY_181'] = 'value'
print(os.environ['GILPY_181'], os.getenv('GILPY_181'), os.environb[b'GILPY_181'])
os.putenv('GILPY_181_P', 'p')
os.unsetenv('GILPY_181_P')
del os.environ['GILPY_181']
print('GILPY_181' in os.environ, os.getenv('GILPY_181', 'gone'))
for k, v in [('A=B', 'x'), ('', 'x'), (b'A=', b'x')]:
    try:
        os.putenv(k, v)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
for k in ['', 'A=B']:
    try:
        os.unsetenv(k)
    except OSError as e:
        print(type(e).__name__, e)
try:
    os.putenv('A\0', 'x')
except ValueError as e:
    print('ValueError', e)

# wait-status helpers
for status in [0, 1 << 8, 3 << 8, 9, 15]:
    print(status, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status), os.WTERMSIG(status),
          os.WIFSTOPPED(status), os.waitstatus_to_exitcode(status))
try:
    os.waitstatus_to_exitcode(0x137f)
except ValueError as e:
    print('ValueError', e)

# fork / waitpid / _exit
pid = os.fork()
if pid == 0:
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print('ChildProcessError', e.errno == errno.ECHILD)
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'from child')
    os._exit(0)
os.close(w)
data = b''
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
print(data, os.waitpid(pid, 0)[1])
print(os.system('exit 3') >> 8, os.system('true'))
try:
    os.kill(999999999, 0)
except (ProcessLookupError, OverflowError) as e:
    print(type(e).__name__)

# pipes, dup, blocking, inheritable
r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, True)
os.set_blocking(r, False)
print(os.get_inheritable(r), os.get_blocking(r))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print('BlockingIOError', e.errno == errno.EAGAIN)
d = os.dup(w)
print(d > w, os.get_inheritable(d))
os.write(d, b'xy')
print(os.read(r, 10))
d2 = os.dup2(w, d + 5)
print(d2 == d + 5, os.get_inheritable(d2), os.isatty(r))
for fd in (r, w, d, d2):
    os.close(fd)
r, w = os.pipe2(os.O_NONBLOCK)
print(os.get_blocking(r))
os.closerange(r, w + 1)
try:
    os.fstat(r)
except OSError as e:
    print('OSError', e.errno == errno.EBADF)
print(os.device_encoding(r))
try:
    os.get_terminal_size(r)
except OSError as e:
    print('OSError', e.errno == errno.EBADF)
print(os.umask(0o22) >= 0, os.umask(0o22) == 0o22)
print(os.error is OSError, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY, os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.WNOHANG, os.EX_OK)
