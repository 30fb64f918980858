# The interactive prompt on a pseudo-terminal, with line editing from the
# readline module (imported by site.py's interactive hook): a line recalled
# with the up arrow, the "..." continuation prompt, tab completion through
# rlcompleter, Ctrl-C at the prompt, input(), another thread running while the
# prompt waits for a key, Ctrl-D, and the history file written at exit
# (~/.python_history for CPython, ~/.gilpy_history for gilpy).
# Every wait is bounded; the child is the interpreter running this file.
import fcntl
import os
import pty
import select
import subprocess
import sys
import tempfile
import termios
import time

TIMEOUT = 20.0

def start(home):
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    inputrc = os.path.join(home, "inputrc")
    open(inputrc, "w").close()
    env.update(HOME=home, TERM="xterm", INPUTRC=inputrc, LC_ALL="C.UTF-8")

    def make_controlling_tty():
        # Ctrl-C must reach the child as SIGINT: the pty is its controlling terminal.
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen([sys.executable, "-q"], stdin=slave, stdout=slave, stderr=slave,
                            env=env, cwd=home, preexec_fn=make_controlling_tty)
    os.close(slave)
    return proc, master

class Session:
    def __init__(self, proc, master):
        self.proc, self.master = proc, master
        self.out = bytearray()
        self.pos = 0  # output before pos has been matched already

    def expect(self, pat):
        """Wait (bounded) for `pat` in the output after the last match; return what came before it."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            i = self.out.find(pat, self.pos)
            if i >= 0:
                seen = bytes(self.out[self.pos:i])
                self.pos = i + len(pat)
                return seen
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {pat!r} in {bytes(self.out[self.pos:])!r}")
            r, _, _ = select.select([self.master], [], [], left)
            if r:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk:
                    raise EOFError(f"end of output waiting for {pat!r}: {bytes(self.out[self.pos:])!r}")
                self.out.extend(chunk)

    def send(self, data):
        os.write(self.master, data)

def clean(b):
    """Printable text: escape sequences and carriage returns dropped."""
    import re
    b = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\x07|\r", b"", b)
    return b.decode("utf-8", "replace")

with tempfile.TemporaryDirectory() as home:
    proc, master = start(home)
    s = Session(proc, master)
    try:
        s.expect(b">>> ")
        s.send(b"6*7\r")
        s.expect(b"42")
        s.expect(b">>> ")
        # the up arrow recalls the previous line; Enter runs it again
        s.send(b"\x1b[A")
        s.expect(b"6*7")
        s.send(b"\r")
        s.expect(b"42")
        s.expect(b">>> ")
        print("up arrow recalled 6*7 and printed 42 again")

        # editing: left arrow twice, insert a character
        s.send(b"10+5\x1b[D\x1b[D0\r")
        print("edited line gives:", clean(s.expect(b">>> ")).split()[-1])

        # a block: the continuation prompt appears until an empty line
        s.send(b"for i in range(3):\r")
        s.expect(b"... ")
        s.send(b"    print(i * 10)\r")
        s.expect(b"... ")
        s.send(b"\r")
        print("block output:", clean(s.expect(b">>> ")).split())

        # tab completion through rlcompleter
        s.send(b"import string\r")
        s.expect(b">>> ")
        s.send(b"string.ascii_up\t")
        s.expect(b"percase")
        s.send(b"\r")
        print("completed:", clean(s.expect(b">>> ")).strip())

        # Ctrl-C drops the typed line: KeyboardInterrupt, then a fresh prompt
        s.send(b"abc")
        s.expect(b"abc")
        s.send(b"\x03")
        print("Ctrl-C:", clean(s.expect(b">>> ")).strip())
        # ... also inside a block
        s.send(b"if True:\r")
        s.expect(b"... ")
        s.send(b"  x = 1")
        s.expect(b"x = 1")
        s.send(b"\x03")
        print("Ctrl-C in a block:", clean(s.expect(b">>> ")).strip())

        # input() reads with the same line editor (and its history)
        s.send(b"input('name' + '? ')\r")
        s.expect(b"name? ")
        s.send(b"spam\x1b[Degg\r")
        print("input() returned:", clean(s.expect(b">>> ")).strip())

        # another thread runs while the prompt waits for a key: it waits for a
        # file this test creates only once the prompt is showing, then prints
        s.send(b"import os, threading, time\r")
        s.expect(b">>> ")
        s.send(b"def worker():\r")
        s.expect(b"... ")
        s.send(b"  for _ in range(2000):\r")
        s.expect(b"... ")
        s.send(b"    if os.path.exists('go'): break\r")
        s.expect(b"... ")
        s.send(b"    time.sleep(0.01)\r")
        s.expect(b"... ")
        s.send(b"  print('worker ran', sum(range(10)))\r")
        s.expect(b"... ")
        s.send(b"\r")
        s.expect(b">>> ")
        s.send(b"t = threading.Thread(target=worker); t.start()\r")
        s.expect(b">>> ")
        open(os.path.join(home, "go"), "w").close()
        s.expect(b"worker ran 45")
        print("a thread ran while the prompt waited")
        s.send(b"t.join()\r")
        s.expect(b">>> ")

        # Ctrl-D exits
        s.send(b"\x04")
        deadline = time.monotonic() + TIMEOUT
        try:
            while time.monotonic() < deadline:
                r, _, _ = select.select([master], [], [], deadline - time.monotonic())
                if not r or not os.read(master, 4096):
                    break
        except OSError:
            pass
        print("exit status:", proc.wait(timeout=TIMEOUT))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    name = ".gilpy_history" if sys.implementation.name == "gilpy" else ".python_history"
    print("no other history file:", os.listdir(home).count(".python_history") + os.listdir(home).count(".gilpy_history") == 1)
    with open(os.path.join(home, name), encoding="utf-8") as f:
        print("history file:", f.read().splitlines())
