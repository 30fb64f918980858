# dump_traceback_later(): the watchdog thread dumps every thread's stack
# after the timeout, also while the main thread spins holding the GIL;
# repeat, exit and cancel. Each case runs in a child process.
import re
import subprocess
import sys
import textwrap


def run(code):
    code = textwrap.dedent(code).strip()
    p = subprocess.run([sys.executable, "-c", code], capture_output=True)
    err = re.sub(r"0x[0-9a-f]{16}", "0xXXXX", p.stderr.decode("ascii", "backslashreplace"))
    return p.returncode, p.stdout.decode(), err


def show(title, code):
    rc, out, err = run(code)
    print(f"--- {title}: exit {rc}")
    for line in out.splitlines():
        print("  out|", line)
    for line in err.splitlines():
        print("  err|", line)


# The main thread never leaves the loop (and never releases the GIL): only
# exit=True ends the child.
show("busy loop, exit=True", """
    import faulthandler
    def spin():
        while True: pass
    faulthandler.dump_traceback_later(0.25, exit=True)
    spin()
""")
show("sleeping, once", """
    import faulthandler, time
    def func():
        faulthandler.dump_traceback_later(0.2)
        time.sleep(0.7)
        faulthandler.cancel_dump_traceback_later()
    func()
    print("done")
""")
show("cancelled before the timeout", """
    import faulthandler, time
    faulthandler.dump_traceback_later(0.2)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.5)
    print("nothing written")
""")
show("a second call replaces the first", """
    import faulthandler, time
    faulthandler.dump_traceback_later(0.2)
    faulthandler.dump_traceback_later(30)
    time.sleep(0.5)
    faulthandler.cancel_dump_traceback_later()
    print("nothing written")
""")
show("exit while the watchdog is armed", """
    import faulthandler
    faulthandler.dump_traceback_later(30)
    print("bye")
""")
rc, out, err = run("""
    import faulthandler, time
    faulthandler.dump_traceback_later(0.15, repeat=True)
    time.sleep(0.8)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.3)
""")
n = err.count("Timeout (0:00:00.150000)!\nThread 0xXXXX (most recent call first):\n")
print("repeat:", rc, 3 <= n <= 6, n == err.count("Timeout"))
