# The new blocking calls release the GIL: the main thread blocks in each one
# until another thread (which needs the GIL to run) unblocks it.
import os, threading, time

def later(fn):
    t = threading.Thread(target=lambda: (time.sleep(0.05), fn()))
    t.start()
    return t

fd = os.eventfd(0)
t = later(lambda: os.eventfd_write(fd, 7))
print('eventfd_read', os.eventfd_read(fd))
t.join()
os.close(fd)

r, w = os.pipe()
t = later(lambda: os.writev(w, [b'ab', b'cd']))
bufs = [bytearray(1), bytearray(5)]
print('readv', os.readv(r, bufs), bufs)
t.join()

src_r, src_w = os.pipe()
t = later(lambda: os.write(src_w, b'spliced'))
print('splice', os.splice(src_r, w, 100), os.read(r, 100))
t.join()
for x in (r, w, src_r, src_w):
    os.close(x)

pid = os.fork()
if pid == 0:
    time.sleep(0.05)
    os._exit(5)
ticks = []
t = threading.Thread(target=lambda: [ticks.append(1) or time.sleep(0.005) for _ in range(3)])
t.start()
res = os.waitid(os.P_PID, pid, os.WEXITED)
t.join()
print('waitid', res.si_status, len(ticks))
