# Argument type errors of the socket functions and address conversion.
import socket as S
import tempfile
import os
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
s = S.socket()
t(lambda: s.bind((5, 80)))
t(lambda: S.gethostbyname(5)); t(lambda: S.getaddrinfo(5, 80)); t(lambda: S.gethostbyaddr(5)); t(lambda: S.gethostbyname_ex(5))
t(lambda: S.getnameinfo((5, 80), 0))
u = S.socket(S.AF_UNIX)
t(lambda: u.bind(5))
t(lambda: u.bind(None))
t(lambda: S.getservbyname(5))
t(lambda: S.inet_aton(5))
t(lambda: S.gethostbyname(b"127.0.0.1"))
t(lambda: S.getaddrinfo(b"127.0.0.1", b"80", S.AF_INET, S.SOCK_STREAM))
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "s")
    u.bind(p)
    print(u.getsockname() == p)
u.close(); s.close()
