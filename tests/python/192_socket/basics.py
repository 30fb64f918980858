# socket module basics: constants, exceptions, byte order, address conversion,
# resolver functions on loopback names only.
import socket

print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(repr(socket.AF_INET), repr(socket.SOCK_STREAM))
print(socket.error is OSError, socket.timeout is TimeoutError)
print(issubclass(socket.herror, OSError), issubclass(socket.gaierror, OSError))
print(socket.herror.__module__, socket.gaierror.__module__, socket.gaierror.__name__)
print(socket.has_ipv6, socket.SOMAXCONN > 0, socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP,
      socket.TCP_NODELAY, socket.SHUT_RDWR, socket.MSG_PEEK, socket.SOCK_NONBLOCK, socket.SOCK_CLOEXEC)
print(socket.INADDR_ANY, socket.INADDR_LOOPBACK, socket.AI_PASSIVE, socket.NI_NUMERICHOST, socket.EAI_NONAME)

print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
for f, v in [(socket.htons, -1), (socket.htons, 70000), (socket.htonl, -1), (socket.htonl, 2**32)]:
    try:
        f(v)
    except OverflowError as e:
        print("OverflowError", e)

print(socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"), socket.inet_ntop(socket.AF_INET, b"\x0a\x00\x00\x01"))
for f, args in [(socket.inet_aton, ("x",)), (socket.inet_ntoa, (b"12",)), (socket.inet_pton, (socket.AF_INET, "x")),
                (socket.inet_ntop, (socket.AF_INET, b"1")), (socket.inet_ntop, (12345, b"1234"))]:
    try:
        f(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)

print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(None)
print(socket.getdefaulttimeout())
for bad in [-1, "a"]:
    try:
        socket.setdefaulttimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Resolver: numeric and loopback names only.
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(isinstance(socket.gethostname(), str) and len(socket.gethostname()) > 0)
infos = socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)
print(infos)
print(socket.getaddrinfo("::1", "443", socket.AF_INET6, socket.SOCK_DGRAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(sorted(set(i[4][0] for i in socket.getaddrinfo("localhost", None, socket.AF_INET))))
try:
    socket.getaddrinfo("nonexistent.invalid", 80)
except socket.gaierror as e:
    print("gaierror", e.errno, e)
try:
    socket.getaddrinfo("127.0.0.1", 1.5)
except OSError as e:
    print("OSError", e)
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(("::1", 8080, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
try:
    socket.getnameinfo(("127.0.0.1",), 0)
except TypeError as e:
    print("TypeError", e)
print(socket.getservbyname("http", "tcp"), socket.getservbyport(80, "tcp"), socket.getprotobyname("tcp"))
for f, a in [(socket.getservbyname, ("nope-service",)), (socket.getprotobyname, ("nope-proto",))]:
    try:
        f(*a)
    except OSError as e:
        print("OSError", e)
try:
    socket.getservbyport(70000)
except OverflowError as e:
    print("OverflowError", e)
try:
    socket.gethostbyname("nonexistent.invalid")
except socket.gaierror as e:
    print("gaierror", e)
print(socket.gethostbyaddr("127.0.0.1")[2])
print(len(socket.gethostbyname_ex("localhost")) == 3)
print(socket.CMSG_LEN(4) > 4, socket.CMSG_SPACE(4) >= socket.CMSG_LEN(4))
print(isinstance(socket.if_nameindex(), list), socket.if_indextoname(socket.if_nametoindex("lo")))
