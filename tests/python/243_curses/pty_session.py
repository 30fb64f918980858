# _curses and _curses_panel in a real terminal: this interpreter runs
# _child.py under a pseudo-terminal (TERM=xterm-256color, 24x80) and prints
# what the curses calls returned there, and how many bytes the session wrote
# to the terminal (the same screen updates as CPython's).
import fcntl
import os
import pty
import select
import struct
import sys
import tempfile
import termios

here = os.path.dirname(os.path.abspath(__file__))
fd_out, outfile = tempfile.mkstemp()
os.close(fd_out)
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm-256color"
    os.environ["LANG"] = "C.UTF-8"
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.execv(sys.executable, [sys.executable, os.path.join(here, "_child.py"), outfile])
data = b""
while True:
    try:
        r, _, _ = select.select([fd], [], [], 60)
        if not r:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    except OSError:
        break
_, status = os.waitpid(pid, 0)
print("exit status", status, "terminal bytes", len(data))
with open(outfile) as f:
    print(f.read(), end="")
os.unlink(outfile)
