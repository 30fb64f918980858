# Shared by this folder's tests: run the interpreter under test in a scratch
# folder and print what it said with the folder's path and the interpreter's
# name replaced, so CPython and gilpy give the same text.
import os
import subprocess
import sys
import tempfile

ENV = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}


def scratch():
    d = tempfile.mkdtemp()
    return os.path.realpath(d)


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)


def run(label, args, cwd, tmp, stdin=None, show_err=True):
    r = subprocess.run([sys.executable, *args], cwd=cwd, env=ENV, input=stdin, capture_output=True)
    def clean(b):
        t = b.decode("utf-8", "backslashreplace")
        return t.replace(tmp, "TMP").replace(sys.executable, "EXE")
    print(f"--- {label}: status {r.returncode}")
    out = clean(r.stdout)
    if out:
        print(out, end="" if out.endswith("\n") else "\n")
    if show_err:
        for line in clean(r.stderr).splitlines():
            print("stderr:", line)
    return r
