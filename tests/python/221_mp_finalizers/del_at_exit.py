# Objects a program keeps in its globals have their __del__ run at exit,
# with the module's globals still usable (CPython's finalization).
import subprocess
import sys

code = '''
import sys
import traceback

class PrintExceptionAtExit(object):
    def __init__(self):
        try:
            x = 1 / 0
        except Exception:
            self.exc_info = sys.exc_info()
            self = None

    def __del__(self):
        traceback.print_exception(*self.exc_info)

obj = PrintExceptionAtExit()

class Bye:
    def __del__(self):
        print('bye from', type(self).__name__, flush=True)

b = Bye()
'''
r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=60)
print(r.returncode, repr(r.stdout))
print(r.stderr.splitlines())
