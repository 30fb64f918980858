# The script's path and the arguments as CPython gives them: __file__ joined
# to the current folder but not normalised, sys.path[0] the folder of the file
# a symbolic link points to, names and arguments that are not UTF-8 decoded
# with surrogateescape; -c ignores a coding cookie and refuses bytes that
# are not UTF-8; a bare -X pycache_prefix overrides PYTHONPYCACHEPREFIX.
import os
import shutil
import subprocess
import sys
from _helper import scratch, write, run, ENV

tmp = scratch()
try:
    show = "import sys\nt = sys.argv[1]\nprint(ascii(__file__.replace(t, 'TMP')), ascii(sys.argv[0]), sys.path[0].replace(t, 'TMP'))\n"
    write(os.path.join(tmp, "sub", "s.py"), show)
    os.symlink(os.path.join("sub", "s.py"), os.path.join(tmp, "link.py"))
    run("symlinked script", ["link.py", tmp], tmp, tmp)
    run("unnormalised path", ["sub/../sub/./s.py", tmp], tmp, tmp)

    odd = os.fsencode(tmp) + b"/caf\xe9-\xff.py"
    with open(odd, "w") as f:
        f.write(show)
    r = subprocess.run([os.fsencode(sys.executable), odd, os.fsencode(tmp)], cwd=tmp, env=ENV, capture_output=True)
    print("--- undecodable script name:", r.returncode)
    print(r.stdout.decode().replace(tmp, "TMP"), end="")
    r = subprocess.run([os.fsencode(sys.executable), b"-c", b"import sys; print(ascii(sys.argv))", b"\xff\xc3\xa9x"],
                       cwd=tmp, env=ENV, capture_output=True)
    print("--- undecodable argument:", r.stdout.decode(), end="")

    run("-c with a coding cookie", ["-c", "# coding: latin1\nprint(ascii('\xe9'))"], tmp, tmp)
    r = subprocess.run([os.fsencode(sys.executable), b"-c", b"print('\xff')"], cwd=tmp, env=ENV, capture_output=True)
    print("--- -c not UTF-8:", r.returncode)
    print(r.stderr.decode(), end="")

    env = dict(ENV, PYTHONPYCACHEPREFIX="foo")
    for opts in ([], ["-X", "pycache_prefix"], ["-X", "pycache_prefix="], ["-X", "pycache_prefix=bar"]):
        r = subprocess.run([sys.executable, *opts, "-c", "import sys; print(sys.pycache_prefix)"],
                           cwd=tmp, env=env, capture_output=True, text=True)
        print(opts, r.stdout.strip())
finally:
    shutil.rmtree(tmp)
