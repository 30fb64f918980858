# regen: manual -- gilpy's own addition to the fatal-error report: after the
# tracebacks, who held the GIL and where every other thread stood with it
# (waiting for it, or released for a blocking call of some kind).
import re
import subprocess
import sys
import textwrap

code = textwrap.dedent("""
    import _gil, faulthandler, threading, time
    faulthandler.enable()
    ev = threading.Event()
    def sleeper():
        time.sleep(60)
    def waiter():
        ev.wait(60)
    def spinner():
        while True:
            pass
    idents = []
    for f in (sleeper, waiter, spinner):
        t = threading.Thread(target=f, daemon=True)
        t.start()
        idents.append(t.ident)
    # Each thread records its state itself before it blocks: wait (bounded)
    # until the sleeper and the waiter have released the GIL and the spinner
    # waits for it, with the main thread holding it (a busy loop: sleeping
    # would hand the GIL to the spinner).
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        st = _gil.thread_states()
        if [st[i][0] for i in idents] == ['released', 'released', 'waiting']:
            break
        time.sleep(0.01)
        t0 = time.monotonic()
        while time.monotonic() - t0 < 0.05:
            pass
    faulthandler._sigsegv()
""")
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
print("signal:", -p.returncode)
err = re.sub(r"0x[0-9a-f]{16}", "0xXXXX", p.stderr)
block = [l for l in err[err.index("\nGIL: "):].splitlines() if l and not l.startswith("Extension modules")]
print(block[0])
print(sorted(l.split(": ", 1)[1] for l in block[1:]))
