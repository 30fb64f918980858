# -X tracemalloc[=N] and PYTHONTRACEMALLOC start tracing at start-up (before
# site and the program: the modules imported at start-up have traces), as
# CPython does; their errors; and tracing goes on in a forked child.
import os
import subprocess
import sys
import tracemalloc

CODE = "import tracemalloc; print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())"


def run(args, env_value=None):
    env = dict(os.environ)
    env.pop("PYTHONTRACEMALLOC", None)
    if env_value is not None:
        env["PYTHONTRACEMALLOC"] = env_value
    p = subprocess.run([sys.executable] + args, capture_output=True, text=True, env=env)
    err = [l for l in p.stderr.splitlines() if l.startswith(("Fatal", "ValueError", "Python runtime"))]
    print(args, env_value, p.returncode, p.stdout.strip(), err)


run(["-c", CODE])
run(["-X", "tracemalloc", "-c", CODE])
run(["-X", "tracemalloc=1", "-c", CODE])
run(["-X", "tracemalloc=15", "-c", CODE])
run(["-X", "tracemalloc=0", "-c", CODE])
run(["-X", "tracemalloc=", "-c", CODE])
run(["-X", "tracemalloc=5", "-X", "tracemalloc=2", "-c", CODE])
run(["-X", "tracemalloc=-1", "-c", "pass"])
run(["-X", "tracemalloc=x", "-c", "pass"])
run(["-X", "tracemalloc=65536", "-c", "pass"])
run(["-X", "tracemalloc=1073741824", "-c", "pass"])
run(["-c", CODE], "0")
run(["-c", CODE], "1")
run(["-c", CODE], "10")
run(["-E", "-c", CODE], "10")
run(["-X", "tracemalloc=3", "-c", CODE], "10")
run(["-X", "tracemalloc", "-c", CODE], "0")
run(["-X", "tracemalloc=0", "-c", CODE], "7")
run(["-c", "pass"], "-1")
run(["-c", "pass"], "abc")
run(["-c", "pass"], "65536")
# Start-up's own allocations are traced: the modules site imported.
run(["-X", "tracemalloc", "-c",
     "import tracemalloc; s = tracemalloc.take_snapshot(); "
     "print(any('site' in t.traceback[0].filename for t in s.traces))"])

# After fork() the child goes on tracing.
tracemalloc.start()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    n = 5
    data = b"z" * n
    tb = tracemalloc.get_object_traceback(data)
    ok = tracemalloc.is_tracing() and tb is not None and tb[-1].lineno == sys._getframe().f_lineno - 2
    os.write(w, b"child ok" if ok else b"child wrong")
    os._exit(0)
os.close(w)
print(os.read(r, 100).decode())
os.waitpid(pid, 0)
tracemalloc.stop()
