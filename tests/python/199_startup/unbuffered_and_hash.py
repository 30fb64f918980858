# -u and PYTHONUNBUFFERED: stdout and stderr written through, so they
# interleave in order on one pipe (block-buffered stdout otherwise comes last).
# PYTHONHASHSEED: a fixed seed gives the same str/bytes hashes in every run,
# random (the default) different ones; hash('') is 0.
import os
import subprocess
import sys

env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
code = 'print("a"); import sys; sys.stderr.write("b\\n"); print("c")'
for label, opts, extra in [("buffered", [], {}), ("-u", ["-u"], {}), ("PYTHONUNBUFFERED", [], {"PYTHONUNBUFFERED": "1"})]:
    r = subprocess.run([sys.executable, *opts, "-c", code], env=dict(env, **extra), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    print(label, repr(r.stdout))

hcode = "print(hash('abc'), hash(b'abc') == hash('abc'), hash(''), hash(b''))"
def run(seed):
    e = dict(env) if seed is None else dict(env, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-c", hcode], env=e, capture_output=True, text=True).stdout.split()
a, b = run("123"), run("123")
print("fixed seed: same", a == b, a[1:])
c, d = run(None), run(None)
print("random: differ", c[0] != d[0], c[1:])
print("seed 0 vs 1 differ", run("0")[0] != run("1")[0])
