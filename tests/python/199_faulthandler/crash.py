# Fatal signals with faulthandler enabled, each in a child process: the
# "Fatal Python error" header, the File lines of the tracebacks and the
# signal the child dies of. Thread ids are masked; the "Extension modules"
# line (what the interpreter implements natively) is only checked for.
import os
import re
import signal
import subprocess
import sys
import tempfile
import textwrap


def run(code, *, fd=None, env=None, args=()):
    code = textwrap.dedent(code).strip()
    p = subprocess.run([sys.executable, *args, "-c", code], capture_output=True,
                       pass_fds=[fd] if fd is not None else [], env=env)
    return p.returncode, p.stdout.decode(), p.stderr.decode("ascii", "backslashreplace")


def clean(text):
    text = re.sub(r"0x[0-9a-f]{16}", "0xXXXX", text)
    lines = []
    in_gil = False
    for line in text.splitlines():
        # gilpy's own block after the tracebacks (who held the GIL, where the
        # other threads stood): left out here, since the expected output is
        # CPython's; gil_block.py checks it.
        if line.startswith("GIL: "):
            if lines and lines[-1] == "":
                lines.pop()
            in_gil = True
            continue
        if in_gil and (line.startswith("  thread 0x") or line.startswith("  current thread 0x")):
            continue
        in_gil = False
        if line.startswith("Extension modules: "):
            line = "Extension modules: ..."
        lines.append(line)
    return lines


def status(rc):
    return f"killed by {signal.Signals(-rc).name}" if rc < 0 else f"exit {rc}"


def show(title, code, **kw):
    rc, out, err = run(code, **kw)
    print(f"--- {title}: {status(rc)}")
    for line in clean(out):
        print("  out|", line)
    for line in clean(err):
        print("  err|", line)


show("_sigsegv", """
    import faulthandler
    faulthandler.enable()
    def crash():
        faulthandler._sigsegv()
    crash()
""")
show("_sigsegv, one thread", """
    import faulthandler
    faulthandler.enable(all_threads=False)
    faulthandler._sigsegv()
""")
show("_sigsegv with the GIL released", """
    import faulthandler
    faulthandler.enable()
    faulthandler._sigsegv(True)
""")
show("_read_null", """
    import faulthandler
    faulthandler.enable()
    faulthandler._read_null()
""")
show("_sigabrt", """
    import faulthandler
    faulthandler.enable()
    faulthandler._sigabrt()
""")
show("_sigfpe", """
    import faulthandler
    faulthandler.enable()
    faulthandler._sigfpe()
""")
show("os.abort", """
    import faulthandler, os
    faulthandler.enable()
    os.abort()
""")
for name in ("SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT"):
    show(f"raise_signal({name})", f"""
        import faulthandler, signal
        faulthandler.enable()
        signal.raise_signal(signal.{name})
    """)
show("os.kill(SIGSEGV)", """
    import faulthandler, os, signal
    faulthandler.enable()
    os.kill(os.getpid(), signal.SIGSEGV)
""")
show("disabled", """
    import faulthandler
    faulthandler.enable()
    print(faulthandler.disable(), flush=True)
    faulthandler._sigsegv()
""")
show("never enabled", """
    import faulthandler
    faulthandler._sigsegv()
""")
show("_stack_overflow", """
    import faulthandler
    faulthandler.enable()
    faulthandler._stack_overflow()
""")
show("_fatal_error_c_thread", """
    import faulthandler
    faulthandler.enable()
    faulthandler._fatal_error_c_thread()
""")
show("while another thread waits", """
    import faulthandler, threading, time
    def worker(ready, stop):
        ready.set()
        stop.wait()
    ready, stop = threading.Event(), threading.Event()
    t = threading.Thread(target=worker, args=(ready, stop), daemon=True)
    t.start()
    ready.wait()
    time.sleep(0.1)  # the worker is blocked in stop.wait() by then
    faulthandler.enable()
    faulthandler._sigsegv()
""")
show("crash in a thread", """
    import faulthandler, threading, time
    faulthandler.enable()
    def worker():
        time.sleep(0.3)  # the main thread is waiting by then
        faulthandler._sigsegv()
    stop = threading.Event()
    t = threading.Thread(target=worker)
    t.start()
    stop.wait()
""")
# (Many cycles, made in a function: gilpy's collector is conservative, and a
# stale pointer left on the stack may keep one cycle alive. gilpy's collector
# may also find some of them earlier, at an allocation inside make(), and run
# their __del__ at the next safe point there; only a __del__ called from the
# module's gc.collect() crashes, so the report is the same in every run.)
show("in __del__ during gc.collect()", """
    import faulthandler, gc, sys
    faulthandler.enable()
    class Cycle:
        def __del__(self):
            if sys._getframe(1).f_code.co_name == "<module>":
                faulthandler._sigsegv()
    def make():
        for i in range(100):
            a, b = Cycle(), Cycle()
            a.b, b.a = b, a
    make()
    gc.collect()
    print("not reached")
""")
show("a Python handler for SIGSEGV is not a crash", """
    import faulthandler, signal
    faulthandler.enable()
    signal.signal(signal.SIGSEGV, lambda *a: print("python handler"))
    signal.raise_signal(signal.SIGSEGV)
    print("still alive")
""")
show("Ctrl-C still raises KeyboardInterrupt", """
    import faulthandler, os, signal
    faulthandler.enable()
    try:
        os.kill(os.getpid(), signal.SIGINT)
        for i in range(1000): pass
    except KeyboardInterrupt:
        print("KeyboardInterrupt")
""")

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "out.txt")
    show("enable(file object)", f"""
        import faulthandler
        output = open({path!r}, "wb")
        faulthandler.enable(output)
        faulthandler._sigsegv()
    """)
    with open(path, "rb") as f:
        for line in clean(f.read().decode("ascii")):
            print("  file|", line)

with tempfile.TemporaryFile("wb+") as f:
    show("enable(fd)", f"""
        import faulthandler
        faulthandler.enable({f.fileno()})
        faulthandler._sigsegv()
    """, fd=f.fileno())
    f.seek(0)
    for line in clean(f.read().decode("ascii")):
        print("  fd|", line)

# sys.stdlib_module_names left out: the extension modules are listed.
rc, out, err = run("""
    import faulthandler, sys
    sys.stdlib_module_names = frozenset()
    faulthandler.enable()
    faulthandler._sigsegv()
""")
m = re.search(r"^Extension modules: (.*) \(total: (\d+)\)$", err, re.M)
names = set(m.group(1).split(", "))
print("extension modules:", status(rc), {"sys", "faulthandler", "builtins"} <= names, int(m.group(2)) == len(names))
