# _stat: the native constants, tests and filemode() that stat.py imports over its own.
import _stat, stat, os
names = [x for x in dir(_stat) if not x.startswith('__')]
print(len(names), [(n, getattr(_stat, n)) for n in names if isinstance(getattr(_stat, n), int)])
for m in [0o140777, 0o120777, 0o104755, 0o102755, 0o101755, 0o100000|0o7000, 0o60644, 0o20644, 0o10644, 0o777, 0o40755, True]:
    print(_stat.filemode(m), stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m), _stat.S_ISDIR(m), _stat.S_ISREG(m), _stat.S_ISLNK(m))
for a in ['x', -1, 2**70, 1.5, 2**40, 2**64 - 1, 2**64]:
    try: print(_stat.S_ISDIR(a))
    except Exception as e: print(type(e).__name__, e)
try: _stat.S_ISDIR()
except Exception as e: print(type(e).__name__, e)
print(stat.S_ISDIR(os.stat('.').st_mode), stat.filemode(os.stat('.').st_mode)[0], stat.S_ISDOOR(0), stat.S_ISWHT(0))
print(stat.filemode is _stat.filemode, stat.S_ISDIR is _stat.S_ISDIR)
