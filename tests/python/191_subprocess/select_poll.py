# select.select, select.poll, select.epoll and selectors on pipes.
import errno
import os
import select
import selectors

print(select.error is OSError, select.POLLIN, select.POLLOUT, select.POLLHUP, select.POLLNVAL, select.EPOLLIN, select.PIPE_BUF)

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"abc")
print(select.select([r], [w], [r], 0) == ([r], [w], []))
print(select.select([r], [], [], 1.5) == ([r], [], []))
print(select.select((), (), (), 0.01))

class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
fr = F(r)
res = select.select([fr], [], [], 0)
print(res[0][0] is fr)

for args in [([], [], [], -1), ([], [], [], "x"), (["a"], [], [], 0), (1, [], [], 0), ([-1], [], [], 0)]:
    try:
        select.select(*args)
    except Exception as e:
        print(type(e).__name__, e)
bad = os.open("/dev/null", os.O_RDONLY)
os.close(bad)
try:
    select.select([bad], [], [], 0)
except OSError as e:
    print("closed fd:", e.errno == errno.EBADF)

# poll
p = select.poll()
print(type(p).__name__, p.poll(0))
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)))
print(p.poll(1000.5) != [])
p.modify(w, select.POLLIN)
print(sorted(p.poll(0)))
p.unregister(w)
print(p.poll(None))
os.read(r, 10)
print(p.poll(10))
p.register(F(w))
print(p.poll(0))
for f in [lambda: p.unregister(12345), lambda: p.modify(12345, 1), lambda: p.poll("x"), lambda: p.register(-1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
os.close(w)
print(p.poll(0) == [(r, select.POLLHUP)])
os.close(r)

# epoll
r, w = os.pipe()
ep = select.epoll()
print(type(ep).__name__, ep.closed, os.get_inheritable(ep.fileno()))
ep.register(r, select.EPOLLIN)
print(ep.poll(0))
os.write(w, b"x")
print(ep.poll(1) == [(r, select.EPOLLIN)])
print(ep.poll(timeout=1.0, maxevents=1) == [(r, select.EPOLLIN)])
ep.modify(r, select.EPOLLIN | select.EPOLLET)
print(len(ep.poll(0)))
print(ep.poll(0.01))
ep.unregister(r)
print(ep.poll(0))
for f in [lambda: ep.unregister(r), lambda: ep.register(-1), lambda: ep.poll("x"), lambda: ep.poll(0, 0), lambda: select.epoll(flags=5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
ep.close()
print(ep.closed, ep.close())
try:
    ep.fileno()
except ValueError as e:
    print(e)
with select.epoll() as ep2:
    print(ep2.closed)
print(ep2.closed)

# selectors: the default selector and the explicit ones.
print(selectors.DefaultSelector.__name__)
for cls in (selectors.DefaultSelector, selectors.PollSelector, selectors.SelectSelector, selectors.EpollSelector):
    with cls() as sel:
        sel.register(r, selectors.EVENT_READ, "reader")
        sel.register(w, selectors.EVENT_WRITE, "writer")
        print(cls.__name__, sorted((k.data, ev) for k, ev in sel.select(timeout=1)))
        sel.unregister(w)
        print(sel.select(timeout=0) != [])
        os.read(r, 10)
        print(sel.select(timeout=0.01))
        os.write(w, b"x")
os.close(r)
os.close(w)
