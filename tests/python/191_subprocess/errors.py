# Failures reported from the child through the error pipe, and argument errors.
import os
import subprocess

def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None))

attempt(lambda: subprocess.run(["nosuchprog"], timeout=10))
attempt(lambda: subprocess.run(["nosuchprog", "arg"], capture_output=True, timeout=10))
attempt(lambda: subprocess.Popen(["/no/such/dir/prog"]))
attempt(lambda: subprocess.run(["/etc/passwd"], timeout=10))
attempt(lambda: subprocess.run(["/"], timeout=10))
attempt(lambda: subprocess.run(["true"], cwd="/no/such/dir", timeout=10))
attempt(lambda: subprocess.run(["true"], cwd="/etc/passwd", timeout=10))
attempt(lambda: subprocess.run(["true"], executable="nosuchexe", timeout=10))
attempt(lambda: subprocess.run(["true"], env={"A=B": "1"}, timeout=10))
attempt(lambda: subprocess.run(["true", 1], timeout=10))
attempt(lambda: subprocess.run(["true", "a\0b"], timeout=10))
attempt(lambda: subprocess.run(["true"], pass_fds=[-1], timeout=10))
attempt(lambda: subprocess.run([], timeout=10))
attempt(lambda: subprocess.run(["echo"], input=b"x", stdin=subprocess.PIPE, timeout=10))
attempt(lambda: subprocess.check_output(["true"], stdout=subprocess.PIPE, timeout=10))
attempt(lambda: subprocess.run(["true"], capture_output=True, stdout=subprocess.PIPE, timeout=10))
# A program found on PATH when the PATH entry before it is not a directory.
attempt(lambda: subprocess.run(["true"], env={"PATH": "/etc/passwd:/bin:/usr/bin"}, timeout=10).returncode)
attempt(lambda: subprocess.run(["true"], env={"PATH": "/no/where"}, timeout=10).returncode)

# The error pipe and child pipes are not leaked on failure.
before = sorted(os.listdir("/proc/self/fd"))
for _ in range(5):
    try:
        subprocess.run(["nosuchprog"], capture_output=True, timeout=10)
    except FileNotFoundError:
        pass
print(sorted(os.listdir("/proc/self/fd")) == before)

# _posixsubprocess.fork_exec argument checks.
import _posixsubprocess
attempt(lambda: _posixsubprocess.fork_exec())
attempt(lambda: _posixsubprocess.fork_exec([b"true"], [b"/bin/true"], True, [5], None, None,
                                           -1, -1, -1, -1, -1, -1, 5, 6, False, False, -1, None, None, None, -1, None, False))
attempt(lambda: _posixsubprocess.fork_exec([b"true"], [b"/bin/true"], True, (5, 3), None, None,
                                           -1, -1, -1, -1, -1, -1, 5, 6, False, False, -1, None, None, None, -1, None, False))
