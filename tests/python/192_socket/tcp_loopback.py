# TCP and UDP over 127.0.0.1 and ::1 in one thread: a listening socket, a
# client connecting to it, accept bounded by a timeout, data both ways.
import socket
import errno

def pair(family, host):
    srv = socket.socket(family, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, 0))
    srv.listen()
    srv.settimeout(5)
    cli = socket.create_connection(srv.getsockname()[:2], timeout=5)
    conn, addr = srv.accept()
    return srv, cli, conn, addr

srv, cli, conn, addr = pair(socket.AF_INET, "127.0.0.1")
print(type(srv).__name__, srv.family, srv.type, srv.proto, srv.gettimeout())
print(srv.getsockname()[0], isinstance(srv.getsockname()[1], int), srv.getsockname()[1] > 0)
print(addr[0], addr == cli.getsockname(), conn.getpeername() == cli.getsockname())
print(cli.getpeername() == srv.getsockname())
print(conn.gettimeout(), conn.getblocking(), cli.gettimeout())
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE), srv.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
print(len(cli.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)))
print(cli.send(b"hello"), conn.recv(100))
cli.sendall(b"x" * 100000)
got = 0
while got < 100000:
    got += len(conn.recv(65536))
print(got)
buf = bytearray(10)
conn.sendall(b"abc")
print(cli.recv_into(buf), buf)
mv = memoryview(bytearray(8))
conn.sendall(b"defgh")
print(cli.recv_into(mv, 3), bytes(mv))
print(cli.recv(2))
conn.sendall(b"xyz")
print(cli.recv(10, socket.MSG_PEEK), cli.recvfrom(10))
conn.sendall(b"12345")
b2 = bytearray(5)
print(cli.recvfrom_into(b2), b2)
# Timeouts: nothing to read.
cli.settimeout(0.05)
try:
    cli.recv(10)
except socket.timeout as e:
    print("timeout", e, type(e).__name__)
cli.setblocking(False)
print(cli.gettimeout(), cli.getblocking())
try:
    cli.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == errno.EAGAIN)
try:
    srv.accept()
except socket.timeout as e:
    print("accept timeout", e)
# makefile over the connection.
cli.setblocking(True)
wf = conn.makefile("wb")
wf.write(b"line one\nline two\n")
wf.flush()
rf = cli.makefile("rb")
print(rf.readline(), rf.readline())
rf.close(); wf.close()
conn.shutdown(socket.SHUT_WR)
print(cli.recv(10))
for s in (cli, conn, srv):
    s.close()
print(cli.fileno(), "[closed]" in repr(cli))
try:
    cli.recv(1)
except OSError as e:
    print("OSError", e.errno == errno.EBADF)

# connect_ex to a closed port, connect refused.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
c.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e.errno == errno.ECONNREFUSED)
c.close()

# IPv6.
srv, cli, conn, addr = pair(socket.AF_INET6, "::1")
print(srv.family, len(srv.getsockname()), addr[0], len(addr))
cli.sendall(b"six")
print(conn.recv(3))
for s in (cli, conn, srv):
    s.close()

# UDP.
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.settimeout(5)
a.settimeout(5)
print(b.sendto(b"datagram", a.getsockname()))
data, frm = a.recvfrom(100)
print(data, frm[0], frm[1] == b.getsockname()[1])
b.sendto(b"flagged", 0, a.getsockname())
print(a.recv(100))
a.close(); b.close()

# Address errors.
s = socket.socket()
for bad in ["x", ("127.0.0.1",), ("127.0.0.1", 70000), ("127.0.0.1", "80")]:
    try:
        s.bind(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    s.recv(-1)
except ValueError as e:
    print("ValueError", e)
try:
    s.recv_into(b"xx")
except TypeError as e:
    print("TypeError", e)
try:
    s.settimeout(-2)
except ValueError as e:
    print("ValueError", e)
s.close()
with socket.socket() as s:
    print(s.fileno() >= 0)
print(s.fileno())
