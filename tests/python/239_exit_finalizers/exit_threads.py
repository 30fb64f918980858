# While objects are finalized at exit, daemon threads cannot take the GIL any
# more (CPython stops them the same way), and sys.is_finalizing() is true.
# A __del__ that sleeps (releasing the GIL) must not let the spinning daemon
# thread run. regen: manual — CPython prints nothing from this __del__: the
# daemon thread's frame keeps __main__'s namespace alive, so the object is
# only reached after builtins are cleared, when print fails silently. gilpy
# finalizes what __main__ holds directly, first.
# regen: manual
import subprocess
import sys

src = """
import sys, threading, time
class A:
    def __del__(self):
        before = counter[0]
        time.sleep(0.2)
        print("daemon ran during finalization:", counter[0] != before)
        print("finalizing:", sys.is_finalizing())
counter = [0]
def spin():
    while True:
        counter[0] += 1
started = threading.Event()
threading.Thread(target=lambda: (started.set(), spin()), daemon=True).start()
started.wait(10)
a = A()
print("finalizing at the end of the program:", sys.is_finalizing())
"""
p = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, timeout=60)
print(p.returncode)
print(p.stdout, end="")
print(p.stderr, end="")
