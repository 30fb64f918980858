# Debian's pytest runs unchanged: collection, assertion rewriting (the
# failure shows the compared values), parametrize, fixtures, -k. Timings are
# cut from the summary lines.
import re
import subprocess
import sys
import os

# pytest prints full diffs when it believes it runs on CI (CI or BUILD_NUMBER
# set), so those are removed to keep the output the same everywhere.
env = {k: v for k, v in os.environ.items() if k not in ("CI", "BUILD_NUMBER")}
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pytest_sample")
for args in (["-q", "-p", "no:cacheprovider"], ["-q", "-p", "no:cacheprovider", "-k", "param"]):
    r = subprocess.run([sys.executable, "-m", "pytest", *args], cwd=here, env=env, capture_output=True, text=True)
    out = re.sub(r" in [0-9.]+s", " in Xs", r.stdout)
    lines = [l for l in out.splitlines() if l.startswith(("E ", "FAILED", "=", ".", "F")) or " passed" in l]
    print("\n".join(lines))
    print("exit", r.returncode)
