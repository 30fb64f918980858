# PEP 475: a blocking recv/accept interrupted by a signal whose handler returns
# is retried; a handler that raises aborts the call with its exception.
import signal
import socket

a, b = socket.socketpair()
calls = []
def feed(signum, frame):
    calls.append(signum)
    b.send(b"after signal")
signal.signal(signal.SIGALRM, feed)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(a.recv(100), len(calls))

class Stop(Exception):
    pass
def stop(signum, frame):
    raise Stop("handler raised")
signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(100)
except Stop as e:
    print("Stop", e)
a.settimeout(5)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(100)
except Stop as e:
    print("Stop with timeout", e)
srv = socket.create_server(("127.0.0.1", 0))
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    srv.accept()
except Stop as e:
    print("Stop in accept", e)
signal.setitimer(signal.ITIMER_REAL, 0)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
for s in (a, b, srv):
    s.close()
