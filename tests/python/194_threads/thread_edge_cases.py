# From CPython's test_threading: interrupt_main() validates the signal number, and a thread's
# uncaught exception is still reported when sys.stderr has been set to None (through the stderr
# the Thread saved when it was created).
import _thread, signal, subprocess, sys

for sig in (-1, signal.NSIG, 1000000):
    try:
        _thread.interrupt_main(sig)
    except ValueError as e:
        print('ValueError', e)

script = r"""if True:
    import sys, threading, time
    running = False
    def run():
        global running
        running = True
        while running:
            time.sleep(0.01)
        1/0
    t = threading.Thread(target=run)
    t.start()
    while not running:
        time.sleep(0.01)
    sys.stderr = None
    running = False
    t.join()
"""
r = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, timeout=60)
print(r.returncode, repr(r.stdout), 'Exception in thread' in r.stderr, r.stderr.rstrip().splitlines()[-1])
