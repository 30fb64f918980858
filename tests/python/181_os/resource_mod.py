# resource: usage, limits and their errors (values that vary by machine are compared, not printed).
import resource
print(resource.RLIM_INFINITY, resource.getrlimit(resource.RLIMIT_NOFILE) == resource.prlimit(0, resource.RLIMIT_NOFILE))
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, len(r), r.ru_maxrss > 1000, isinstance(r.ru_utime, float), r[2] == r.ru_maxrss)
for f,a in [(resource.getrusage,(5,)),(resource.getrlimit,(99,)),(resource.setrlimit,(0,(1,))),(resource.setrlimit,(0,5)),(resource.getrusage,('x',)),(resource.getrlimit,(1.5,))]:
  try: f(*a)
  except Exception as e: print(type(e).__name__, e)
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
try: resource.setrlimit(resource.RLIMIT_CORE, (10, 5))
except ValueError as e: print(e)
print(resource.error is OSError, resource.struct_rusage.n_sequence_fields, resource.getpagesize() % 4096)
print(repr(r).startswith("resource.struct_rusage(ru_utime="))
