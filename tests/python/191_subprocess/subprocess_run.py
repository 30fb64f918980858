# subprocess.run / check_output / check_call / call, on top of _posixsubprocess.fork_exec.
import os
import subprocess
import sys

r = subprocess.run(["echo", "hi"], capture_output=True, text=True, timeout=10)
print(r)
print(r.args, r.returncode, repr(r.stdout), repr(r.stderr))

r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 4"], capture_output=True, timeout=10)
print(r.returncode, r.stdout, r.stderr)

print(subprocess.check_output(["sh", "-c", "echo out; echo err >&2"], stderr=subprocess.STDOUT, timeout=10))
print(subprocess.check_output(["printf", "a\\nb\\n"], text=True, timeout=10).splitlines())
print(subprocess.check_output("echo $((6 * 7))", shell=True, timeout=10))
print(subprocess.call(["true"], timeout=10), subprocess.call(["false"], timeout=10))
print(subprocess.check_call(["true"], timeout=10))
print(subprocess.getoutput("echo getoutput"), subprocess.getstatusoutput("exit 5"))

try:
    subprocess.check_call(["sh", "-c", "exit 7"], timeout=10)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e)
try:
    subprocess.run(["sh", "-c", "echo partial; exit 2"], capture_output=True, check=True, timeout=10)
except subprocess.CalledProcessError as e:
    print("check=True", e.returncode, e.output, e.stdout, e.stderr)

# input= feeds stdin; text mode translates newlines.
print(subprocess.run(["tr", "a-z", "A-Z"], input="hello\nworld\n", capture_output=True, text=True, timeout=10).stdout)
print(subprocess.run(["wc", "-c"], input=b"x" * 100000, capture_output=True, timeout=10).stdout.strip())

# cwd= and env=
print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True, timeout=10).stdout)
print(subprocess.run(["pwd"], cwd=b"/usr", capture_output=True, text=True, timeout=10).stdout)
r = subprocess.run(["sh", "-c", "echo $GILPY_T1-$GILPY_T2"], env={"GILPY_T1": "one", "GILPY_T2": "two", "PATH": "/usr/bin:/bin"},
                   capture_output=True, text=True, timeout=10)
print(r.stdout)
r = subprocess.run(["env"], env={}, capture_output=True, text=True, timeout=10)
print(repr(r.stdout))
os.environ["GILPY_INHERITED"] = "yes"
print(subprocess.run("echo $GILPY_INHERITED", shell=True, capture_output=True, text=True, timeout=10).stdout)

# shell=True, executable=
print(subprocess.run("echo a | tr a b; echo c", shell=True, capture_output=True, text=True, timeout=10).stdout)
print(subprocess.run(["ignored-argv0", "-c", "echo $0"], executable="/bin/sh", capture_output=True, text=True, timeout=10).stdout)

# stdout to a file / DEVNULL
with open("/dev/null", "w") as f:
    print(subprocess.run(["echo", "x"], stdout=f, timeout=10).returncode)
print(subprocess.run(["echo", "x"], stdout=subprocess.DEVNULL, timeout=10).returncode)
print(subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True, timeout=10).stdout)

# A path-like program and bytes arguments.
import pathlib
print(subprocess.run([pathlib.Path("/bin/echo"), b"bytes", "str"], capture_output=True, timeout=10).stdout)

# Return codes: exit statuses and (negative) signal numbers.
print(subprocess.run(["sh", "-c", "exit 255"], timeout=10).returncode)
print(subprocess.run(["sh", "-c", "kill -9 $$"], timeout=10).returncode)
print(subprocess.run(["sh", "-c", "kill -TERM $$"], timeout=10).returncode)
r = subprocess.run(["sh", "-c", "kill -9 $$"], timeout=10)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(e)

# A child Python (sys.executable is the interpreter under test) exiting with a code.
print(subprocess.run([sys.executable, "-c", "import sys; sys.exit(3)"], timeout=20).returncode)
print(subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True, timeout=20).stdout)
