# regen: manual -- pdb's `threads` and `thread N` commands are gilpy's additions: every thread
# with where it stands with the GIL, and inspecting another thread's frames.
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
commands = ["threads", "thread 1", "where", "p sleeper.__name__", "thread", "p x",
            "thread 9", "help thread", "continue"]
p = subprocess.run([sys.executable, "_pdb_threads_target.py"], input="\n".join(commands) + "\n",
                   capture_output=True, text=True, cwd=here, timeout=60)
out = re.sub(r"ident \d+", "ident N", p.stdout).replace(here, "HERE")
for line in out.splitlines():
    print(line.rstrip())
print("rc", p.returncode, p.stderr.strip()[-200:])
