# Popen with pipes, communicate(input, timeout), wait/poll, TimeoutExpired, kill.
import signal
import subprocess
import sys

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(input=b"hello\n", timeout=10)
print(out, err, p.returncode, p.poll())

# Both stdout and stderr at once, larger than a pipe buffer (needs the selector loop).
p = subprocess.Popen(["sh", "-c", "head -c 200000 /dev/zero; head -c 150000 /dev/zero >&2"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(timeout=10)
print(len(out), len(err), p.returncode)

# Large input and output together.
data = bytes(range(256)) * 1000
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(data, timeout=10)
print(out == data, err)

# Text mode, universal newlines.
p = subprocess.Popen(["printf", "a\\r\\nb\\rc\\n"], stdout=subprocess.PIPE, text=True)
print(repr(p.communicate(timeout=10)[0]))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, universal_newlines=True)
print(repr(p.communicate("x\ny\n", timeout=10)[0]))

# Line-by-line reading through p.stdout.
with subprocess.Popen(["printf", "1\\n2\\n3\\n"], stdout=subprocess.PIPE, text=True) as p:
    for line in p.stdout:
        print("line", line.rstrip())
print(p.returncode)

# Writing to p.stdin by hand.
p = subprocess.Popen(["sort"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write("b\nc\na\n")
p.stdin.close()
print(p.stdout.read().split())
p.stdout.close()
print(p.wait(timeout=10))

# TimeoutExpired from communicate and wait; the process keeps running until killed.
p = subprocess.Popen(["sleep", "10"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd, e.timeout, e.output)
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("wait TimeoutExpired", e.timeout)
print(p.poll())
p.kill()
p.communicate(timeout=10)
print(p.returncode == -signal.SIGKILL)

p = subprocess.Popen(["sleep", "10"])
p.terminate()
print(p.wait(timeout=10))
p = subprocess.Popen(["sleep", "10"])
p.send_signal(signal.SIGINT)
print(p.wait(timeout=10))

# run(timeout=) kills the child and re-raises.
try:
    subprocess.run(["sh", "-c", "echo started; sleep 10"], capture_output=True, timeout=0.5)
except subprocess.TimeoutExpired as e:
    print("run TimeoutExpired", e.cmd, e.stdout)

# communicate() with only stdout; and with nothing piped.
p = subprocess.Popen(["echo", "only"], stdout=subprocess.PIPE)
print(p.communicate(timeout=10))
p = subprocess.Popen(["true"])
print(p.communicate(timeout=10), p.returncode)

# stdout=PIPE, stderr=STDOUT interleaving through one pipe.
p = subprocess.Popen(["sh", "-c", "echo 1; echo 2 >&2; echo 3"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(p.communicate(timeout=10)[0])

# A child that closes stdin early: BrokenPipe is swallowed by communicate.
p = subprocess.Popen(["true"], stdin=subprocess.PIPE)
p.communicate(b"x" * 1000000, timeout=10)
print("closed early", p.returncode)

# Child Python reading stdin.
p = subprocess.Popen([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print(p.communicate("from parent", timeout=20)[0])
