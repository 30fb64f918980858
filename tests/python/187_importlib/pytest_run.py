# Debian's pytest runs unchanged: collection, assertion rewriting (the
# failure shows the compared values), parametrize, fixtures, -k. Timings are
# cut from the summary lines.
import re
import subprocess
import sys
import os

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pytest_sample")
for args in (["-q", "-p", "no:cacheprovider"], ["-q", "-p", "no:cacheprovider", "-k", "param"]):
    r = subprocess.run([sys.executable, "-m", "pytest", *args], cwd=here, capture_output=True, text=True)
    out = re.sub(r" in [0-9.]+s", " in Xs", r.stdout)
    lines = [l for l in out.splitlines() if l.startswith(("E ", "FAILED", "=", ".", "F")) or " passed" in l]
    print("\n".join(lines))
    print("exit", r.returncode)
