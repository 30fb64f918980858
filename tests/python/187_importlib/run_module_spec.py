# -m gives __main__ the module's spec, as runpy does (multiprocessing's
# spawn children import the main module through it).
import subprocess, sys, os
here = os.path.dirname(os.path.abspath(__file__))
r = subprocess.run([sys.executable, "-m", "mainpkg"], cwd=here, capture_output=True, text=True)
print(r.stdout, r.stderr, r.returncode)
