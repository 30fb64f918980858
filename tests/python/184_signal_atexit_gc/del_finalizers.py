# __del__ runs once an instance is unreachable (gilpy: at the next safe point
# after the collector finds it; gc.collect() runs them before returning).
# The collector scans stacks conservatively, so the checks allow a few stale
# references: they compare counts with wide margins, never exact identities.
import gc
log = []

class D:
    def __init__(self, n): self.n = n
    def __del__(self): log.append(self.n)

class Cyc:
    def __init__(self): self.me = self
    def __del__(self): log.append("cycle")

class Sub(D):
    pass

def make(k):
    for i in range(k):
        D(i)
        Cyc()
        Sub(-1)

make(300)
gc.collect()
gc.collect()
ints = [x for x in log if isinstance(x, int) and x >= 0]
print("plain finalized >= 90%:", len(ints) >= 270, "each once:", len(ints) == len(set(ints)))
print("cycles finalized >= 90%:", log.count("cycle") >= 270)
print("subclass finalized >= 90%:", log.count(-1) >= 270)

class Res:
    saved = []
    def __del__(self):
        self.runs = getattr(self, "runs", 0) + 1
        Res.saved.append(self)  # resurrected: __del__ must not run again (PEP 442)
        res_runs.append(self.runs)
res_runs = []
def make_res():
    for _ in range(50):
        Res()
make_res()
gc.collect()
Res.saved.clear()
gc.collect()
gc.collect()
print("resurrected objects finalized once each:", len(res_runs) >= 45 and max(res_runs) == 1)

raised = False
class Bad:
    def __del__(self):
        global raised
        if not raised:
            raised = True
            raise ValueError("boom in __del__")
def make_bad():
    for _ in range(50):
        Bad()
import io, sys
real_stderr, sys.stderr = sys.stderr, io.StringIO()
make_bad()
gc.collect()
report, sys.stderr = sys.stderr.getvalue(), real_stderr
print("exception reported, program continues:", raised)
print(report.startswith("Exception ignored in: <function Bad.__del__ at "),
      report.rstrip().splitlines()[-1])
