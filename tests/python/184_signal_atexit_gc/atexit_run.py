# atexit._run_exitfuncs runs and clears the callbacks; _clear drops them.
import atexit
atexit.register(print, 'a')
atexit.register(print, 'b')
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(print, 'never')
atexit._clear()
print(atexit._ncallbacks())
atexit.register(print, 'at real exit')
raise SystemExit(0)
