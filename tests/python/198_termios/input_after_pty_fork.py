# input() in a pty.fork() child whose sys.stdout cannot give a file descriptor:
# the prompt goes to sys.stdout and the line is read from the terminal, although
# sys.stdin had cached seekable() == True before the fork (CPython's PtyTests).
import os
import pty
import sys

r, w = os.pipe()
pid, fd = pty.fork()
if pid == 0:
    import io
    import traceback
    os.close(r)
    with open(w, "w") as report:
        try:
            print("isatty", sys.stdin.isatty(), file=report)
            sys.stdout = io.StringIO()
            x = input("prompt")
            print("got", repr(x), repr(sys.stdout.getvalue()), file=report)
        except BaseException:
            traceback.print_exc(file=report)
    os._exit(0)
os.close(w)
os.write(fd, b"quux\r")
with open(r) as results:
    print(results.read(), end="")
while True:  # drain the terminal until the child has gone
    try:
        if not os.read(fd, 1000):
            break
    except OSError:
        break
os.waitpid(pid, 0)
