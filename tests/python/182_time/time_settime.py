# clock_settime / clock_settime_ns argument errors (nothing is set: the
# monotonic clock cannot be set) and pthread_getcpuclockid.
import time, threading

def err(f, *a):
    try:
        print('ok', f(*a))
    except Exception as e:
        print(type(e).__name__, e)

err(time.clock_settime, time.CLOCK_MONOTONIC, 0)
err(time.clock_settime_ns, time.CLOCK_MONOTONIC, 0)
err(time.clock_settime, time.CLOCK_MONOTONIC, 'x')
err(time.clock_settime_ns, time.CLOCK_MONOTONIC, 1.5)
err(time.clock_settime, time.CLOCK_MONOTONIC, float('nan'))
err(time.clock_settime, time.CLOCK_MONOTONIC, 1e300)
err(time.clock_settime_ns, time.CLOCK_MONOTONIC, 10**30)
err(time.clock_settime, time.CLOCK_MONOTONIC)

clk = time.pthread_getcpuclockid(threading.get_ident())
print(type(clk) is int, clk != time.CLOCK_THREAD_CPUTIME_ID)
t1 = time.clock_gettime(clk)
sum(range(100000))
print(time.clock_gettime(clk) >= t1)
out = []
def worker():
    out.append(time.pthread_getcpuclockid(threading.get_ident()))
t = threading.Thread(target=worker)
t.start()
t.join()
print(out[0] != clk)
err(time.pthread_getcpuclockid, 1.5)
err(time.pthread_getcpuclockid, 2**70)
