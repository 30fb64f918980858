# Files opened and dropped without close() give their descriptors back when
# collected (CPython closes them at once): `open(p).read()` in a loop must not
# run out of descriptors.
import gc
import os

before = len(os.listdir('/proc/self/fd'))
for i in range(3000):
    open('/etc/passwd').read()
    open('/etc/passwd', 'rb').read(10)
    open('/etc/passwd', 'rb', buffering=0).read(10)
gc.collect()
after = len(os.listdir('/proc/self/fd'))
print('descriptors released:', after - before < 50)
fd = os.open('/etc/passwd', os.O_RDONLY)
for i in range(100):
    open(fd, closefd=False).read(1)
gc.collect()
os.fstat(fd)  # raises OSError if a collected wrapper had closed it
print('closefd=False left open')
os.close(fd)

# Event loops, sockets and epoll objects dropped unclosed: descriptors come
# back, and a dying loop's __del__ can still unregister its self-pipe socket
# (the socket is closed only after the collection's __del__ methods).
import asyncio
import select
import socket
import sys
import io
errors = io.StringIO()
saved, sys.stderr = sys.stderr, errors
before = len(os.listdir('/proc/self/fd'))
for i in range(50):
    asyncio.new_event_loop()
for i in range(300):
    socket.socket()
    select.epoll()
gc.collect()
sys.stderr = saved
print('loop/socket/epoll descriptors released:', len(os.listdir('/proc/self/fd')) - before < 20)
print('no errors from __del__:', 'Exception ignored' not in errors.getvalue())
