# pass_fds, close_fds, start_new_session, process_group, umask, preexec_fn.
import os
import subprocess
import sys

r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))
# The child writes to the passed descriptor number.
p = subprocess.run(["sh", "-c", f"echo through-fd >&{w}"], pass_fds=(w,), timeout=10)
os.close(w)
print(p.returncode, os.read(r, 100))
os.close(r)
# pass_fds leaves the parent's flag untouched.
r, w = os.pipe()
subprocess.run(["true"], pass_fds=[r], timeout=10)
print(os.get_inheritable(r))

# Without pass_fds the descriptor is closed in the child (close_fds=True default).
os.set_inheritable(w, True)
p = subprocess.run(["sh", "-c", f"echo x >&{w}"], capture_output=True, timeout=10)
print(p.returncode != 0)
# close_fds=False keeps inheritable descriptors.
p = subprocess.run(["sh", "-c", f"echo kept >&{w}"], close_fds=False, timeout=10)
os.close(w)
print(p.returncode, os.read(r, 100))
os.close(r)

# The child's open descriptors: just 0, 1, 2 (and the one listing them).
out = subprocess.run(["sh", "-c", "ls /proc/self/fd"], capture_output=True, text=True, timeout=10).stdout.split()
print(sorted(int(x) for x in out)[:3])

# start_new_session: the child leads a new session.
sid = subprocess.run(["sh", "-c", "cat /proc/self/stat"], start_new_session=True, capture_output=True, text=True, timeout=10).stdout
fields = sid.rsplit(")", 1)[1].split()
pid, pgrp, session = int(sid.split()[0]), int(fields[2]), int(fields[3])
print("session leader:", session != os.getsid(0))
if sys.version_info >= (3, 11):
    st = subprocess.run(["sh", "-c", "cat /proc/self/stat"], process_group=0, capture_output=True, text=True, timeout=10).stdout
    fields = st.rsplit(")", 1)[1].split()
    print("own group:", int(fields[2]) != os.getpgrp(), int(fields[3]) == os.getsid(0))

# umask
print(subprocess.run(["sh", "-c", "umask"], umask=0o27, capture_output=True, text=True, timeout=10).stdout)

# restore_signals: SIGPIPE is back to default in the child (the interpreter ignores it).
r = subprocess.run(["sh", "-c", "yes | head -c 1 >/dev/null; echo ${PIPESTATUS:-done}"], capture_output=True, text=True, timeout=10)
print(r.stdout.strip())
r = subprocess.run(["sh", "-c", "grep SigIgn /proc/self/status"], capture_output=True, text=True, timeout=10).stdout
ign = int(r.split()[1], 16)
print("SIGPIPE ignored in child:", bool(ign & (1 << 12)))
r = subprocess.run(["sh", "-c", "grep SigIgn /proc/self/status"], restore_signals=False, capture_output=True, text=True, timeout=10).stdout
ign = int(r.split()[1], 16)
print("SIGPIPE ignored with restore_signals=False:", bool(ign & (1 << 12)))

# preexec_fn runs in the child before exec.
r = subprocess.run(["sh", "-c", "echo $PRE"], preexec_fn=lambda: os.environ.__setitem__("PRE", "ignored") or os.putenv("PRE", "set-in-child"),
                   capture_output=True, text=True, timeout=10)
print(repr(r.stdout))
def bad():
    raise ValueError("boom")
try:
    subprocess.run(["true"], preexec_fn=bad, timeout=10)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
print("PRE" in os.environ)

# os.register_at_fork callbacks run only when the child will run Python (preexec_fn).
events = []
cr, cw = os.pipe()
os.register_at_fork(before=lambda: events.append("before"), after_in_parent=lambda: events.append("parent"),
                    after_in_child=lambda: os.write(cw, b"child"))
subprocess.run(["true"], timeout=10)
print(events)
subprocess.run(["true"], preexec_fn=lambda: None, timeout=10)
os.close(cw)
print(events, os.read(cr, 100))
os.close(cr)
