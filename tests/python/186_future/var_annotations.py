def fbad():
    x: int
    print(x)
try: fbad()
except Exception as e: print(type(e).__name__, e)
def f2bad():
    (no_such_global): int
    print(no_such_global)
try: f2bad()
except Exception as e: print(type(e).__name__, e)
try:
    no_name[does_not_exist]: 1/0 = 0
except Exception as e: print(type(e).__name__, e)
import test
print(test.__annotations__)
import types
m = types.ModuleType("m")
print(m.__annotations__)
print(m.__dict__.keys())
