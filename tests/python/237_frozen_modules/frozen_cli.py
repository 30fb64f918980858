# -X frozen_modules=on|off, and tracebacks through runpy (`-m`), which CPython shows
# in "<frozen runpy>" with no source lines.
import os
import subprocess
import sys
import tempfile


def run(*args, cwd=None):
    p = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd)
    print(args, 'status', p.returncode)
    out = p.stdout + p.stderr
    if cwd:
        out = out.replace(cwd, '<tmp>')
    print(out.replace(sys.executable, '<python>'), end='')


prog = 'import os; print(type(os.__spec__.loader).__name__, os.__spec__.origin == "frozen")'
for opt in ['frozen_modules=on', 'frozen_modules=off', 'frozen_modules=', 'frozen_modules']:
    run('-X', opt, '-c', prog)
run('-X', 'frozen_modules=off', '-c', 'import os, sys, _imp; print(os.walk.__code__.co_filename, '
    '_imp._frozen_module_names(), sys.modules["_frozen_importlib"].__spec__.origin)')
run('-X', 'frozen_modules=bogus', '-c', 'pass')
run('-X', 'frozen_modules=off', '-X', 'frozen_modules=on', '-c', prog)  # the first one counts
run('-X', 'frozen_modules', '-X', 'frozen_modules=off', '-c', 'import sys; print(sys._xoptions)')
run('-c', 'import os; print(os.__spec__.origin, os.walk.__code__.co_filename)')
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'modraise.py'), 'w') as f:
        f.write('def f():\n    raise ValueError("boom")\nf()\n')
    run('-m', 'modraise', cwd=d)
    run('-X', 'frozen_modules=off', '-m', 'modraise', cwd=d)
run('-m', '__hello__')
run('-X', 'frozen_modules=off', '-m', '__phello__.ham')
