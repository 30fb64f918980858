# pdb, unchanged from CPython's library, driving gilpy's tracing: breakpoints
# by line and function, step/next/return/until, where/up/down, p, display,
# jump, post-mortem, and breakpoint().
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
target = os.path.join(here, "_pdb_target.py")


def session(args, commands, env=None):
    p = subprocess.run([sys.executable, *args], input="\n".join(commands) + "\n",
                       capture_output=True, text=True, cwd=here, env=env, timeout=60)
    out = p.stdout.replace(here, "HERE")
    print("$", " ".join(a.replace(here, "HERE") for a in args), "rc", p.returncode)
    for line in out.splitlines():
        print("   ", line.rstrip())
    if p.stderr.strip():
        print("   stderr:", p.stderr.strip().splitlines()[-1])


session(["-m", "pdb", target], [
    "break add", "continue", "where", "p a, b", "next", "p total", "return", "up", "p results",
    "down", "continue", "p a", "clear 1", "until 22", "p x", "step", "next", "display x", "next", "next",
    "continue",
])

session(["-m", "pdb", target], [
    "break 19", "continue", "jump 21", "p i", "next", "p x", "quit",
])

# A failing program: -m pdb enters post-mortem on the uncaught exception.
with open(os.path.join(here, "_pdb_fail.py"), "w") as f:
    f.write("def f(n):\n    d = {}\n    return d[n]\n\nf('missing')\n")
try:
    session(["-m", "pdb", "_pdb_fail.py"], ["continue", "where", "p n", "quit"])
finally:
    os.remove(os.path.join(here, "_pdb_fail.py"))

# breakpoint() honours PYTHONBREAKPOINT (0 disables it).
code = "x = 41\nbreakpoint()\nx += 1\nprint('x is', x)\n"
session(["-c", code], ["p x", "next", "p x", "continue"])
env = dict(os.environ, PYTHONBREAKPOINT="0")
session(["-c", code], [], env=env)
