# python -m venv: the venv's interpreter finds pyvenv.cfg, moves sys.prefix to
# the venv, keeps base_prefix, puts the venv's site-packages on sys.path
# (the system's dist-packages only with --system-site-packages), survives a
# malformed pyvenv.cfg, and -S leaves sys.prefix at the base.
import os
import subprocess
import sys
import tempfile

env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
code = ("import sys, os\n"
        "tmp = sys.argv[1]\n"
        "print('executable', sys.executable == os.path.join(tmp, 'bin', 'python'))\n"
        "print('prefix', sys.prefix == tmp, sys.exec_prefix == tmp, sys.base_prefix, sys.base_exec_prefix)\n"
        "print('base executable outside', not sys._base_executable.startswith(tmp))\n"
        "sp = os.path.join(tmp, 'lib', 'python3.11', 'site-packages')\n"
        "print('site-packages', sp in sys.path)\n"
        "print('dist-packages', '/usr/lib/python3/dist-packages' in sys.path)\n"
        "import venvmod; print('venvmod', venvmod.x)\n")
with tempfile.TemporaryDirectory() as root:
    for opts in ([], ["--system-site-packages"]):
        tmp = os.path.join(root, "venv" + "".join(opts))
        r = subprocess.run([sys.executable, "-m", "venv", "--without-pip", *opts, tmp], env=env,
                           capture_output=True, text=True)
        print("--- venv", *opts, "status", r.returncode, r.stderr)
        bindir = os.path.join(tmp, "bin")
        for name in ("python", "python3", "python3.11"):
            print(name, os.path.islink(os.path.join(bindir, name)))
        with open(os.path.join(tmp, "pyvenv.cfg")) as f:
            keys = [line.partition("=")[0].strip() for line in f]
        print("pyvenv.cfg keys", keys)
        sp = os.path.join(tmp, "lib", "python3.11", "site-packages")
        with open(os.path.join(sp, "venvmod.py"), "w") as f:
            f.write("x = 'from the venv'\n")
        r = subprocess.run([os.path.join(bindir, "python"), "-c", code, tmp], env=env, capture_output=True, text=True)
        print(r.stdout, end="")
        print(r.stderr, end="")
    # -S: site.py does the venv part, so the prefix stays the base one.
    r = subprocess.run([os.path.join(bindir, "python"), "-S", "-c", "import sys; print(sys.prefix, sys.base_prefix)"],
                       env=env, capture_output=True, text=True)
    print("-S", r.stdout, end="")
    # A malformed pyvenv.cfg: lines without '=', junk values.
    with open(os.path.join(tmp, "pyvenv.cfg"), "w") as f:
        f.write("this is not a config\n=\nhome\ninclude-system-site-packages = maybe\n\x00junk = 1\n")
    r = subprocess.run([os.path.join(bindir, "python"), "-c", "import sys; print(sys.prefix == sys.argv[1])", tmp],
                       env=env, capture_output=True, text=True)
    print("malformed", r.returncode, r.stdout, r.stderr, end="")
