# AF_UNIX sockets (filesystem and abstract names), socketpair, descriptor
# adoption (fileno=), dup/detach, the raw _socket.socket type and subclassing.
import _socket
import os
import socket
import tempfile

a, b = socket.socketpair()
print(type(a).__name__, a.family, a.type, a.proto)
print(a.getsockname(), a.getpeername())
a.sendall(b"ping")
print(b.recv(4))
print(os.get_inheritable(a.fileno()), a.get_inheritable())
c = a.dup()
print(c.family, c.type, c.fileno() != a.fileno())
c.sendall(b"via dup")
print(b.recv(7))
c.close()
fd = b.detach()
print(b.fileno())
d = socket.socket(fileno=fd)
print(d.family, d.type, d.proto)
a.sendall(b"adopted")
print(d.recv(7))
d.close()
a.close()

# Datagram pair.
x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"one")
x.send(b"two")
print(y.recv(10), y.recv(10), y.type)
x.close(); y.close()

# Filesystem socket.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)
    print(srv.getsockname() == path, os.path.exists(path))
    cli = socket.socket(socket.AF_UNIX)
    cli.settimeout(5)
    cli.connect(path)
    srv.settimeout(5)
    conn, addr = srv.accept()
    print(repr(addr), cli.getpeername() == path)
    cli.sendall(b"unix data")
    print(conn.recv(100))
    for s in (cli, conn, srv):
        s.close()
    srv = socket.socket(socket.AF_UNIX)
    srv.bind(os.fsencode(path + "2"))
    print(srv.getsockname() == path + "2")
    srv.close()

# Abstract namespace.
name = b"\0gilpy-test-abstract-%d" % os.getpid()
srv = socket.socket(socket.AF_UNIX)
srv.bind(name)
print(srv.getsockname() == name)
srv.close()
try:
    socket.socket(socket.AF_UNIX).bind("x" * 200)
except OSError as e:
    print("OSError", e)

# The raw type.
r = _socket.socket()
print(repr(r).startswith("<socket object, fd="), repr(r).endswith(", family=2, type=1, proto=0>"))
print(r.family, r.type, r.proto, r.timeout)
r.settimeout(1.5)
print(r.timeout, r.gettimeout())
r.close()
print(repr(r))
print(_socket.socket.__name__, _socket.socket.__module__, _socket.SocketType is _socket.socket)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.type, s.gettimeout(), s.getblocking())
s.close()
print(repr(socket.socket(socket.AF_INET, socket.SOCK_DGRAM)).split(",")[1:3])

class MySock(_socket.socket):
    pass

m = MySock(socket.AF_UNIX, socket.SOCK_STREAM)
m.extra = 5
print(m.family, m.extra, isinstance(m, _socket.socket))
m.close()

class Slotted(socket.socket):
    __slots__ = ("tag",)

t = Slotted()
t.tag = "t"
print(t.tag, t.family)
t.close()
try:
    socket.socket(fileno=-5)
except ValueError as e:
    print("ValueError", e)

# Descriptor passing (what multiprocessing uses).
if hasattr(socket, "send_fds"):
    p, q = socket.socketpair()
    r_fd, w_fd = os.pipe()
    p.sendmsg([b"fd"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, r_fd.to_bytes(4, "little"))])
    msg, anc, flags, addr = q.recvmsg(10, socket.CMSG_SPACE(4))
    print(msg, len(anc), anc[0][0] == socket.SOL_SOCKET, anc[0][1] == socket.SCM_RIGHTS, flags)
    got = int.from_bytes(anc[0][2], "little")
    os.write(w_fd, b"through the pipe")
    print(os.read(got, 100))
    for f in (r_fd, w_fd, got):
        os.close(f)
    p.close(); q.close()
