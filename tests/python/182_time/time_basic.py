# time: clocks (relations only), conversions, formatting and their errors.
import time

t0, m0, p0, c0, th0 = time.time(), time.monotonic(), time.perf_counter(), time.process_time(), time.thread_time()
time.sleep(0.02)
print(time.time() >= t0, time.monotonic() - m0 >= 0.015, time.perf_counter() - p0 >= 0.015)
print(time.process_time() >= c0, time.thread_time() >= th0)
ns = [time.time_ns(), time.monotonic_ns(), time.perf_counter_ns(), time.process_time_ns(), time.thread_time_ns()]
print([type(x).__name__ for x in ns], abs(time.time_ns() / 1e9 - time.time()) < 1)
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__, time.clock_getres(time.CLOCK_REALTIME) > 0)
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
time.sleep(0)
time.sleep(False)
for bad in [-1, -0.5, 'x', float('nan'), None]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.get_clock_info('nope')
except ValueError as e:
    print('ValueError', e)

g = time.gmtime(0)
print(g, tuple(g), g.tm_zone, g.tm_gmtoff, g.tm_wday, g.tm_yday, len(g))
g = time.gmtime(1234567890.9)
print(tuple(g), time.gmtime(-1)[:6], time.gmtime(-86400 * 366)[:3])
print(time.struct_time.n_sequence_fields, time.struct_time.n_fields, time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)))
st = time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))
print(st.tm_year, st.tm_mday, st.tm_zone, st[0:3], st == (2020, 1, 2, 3, 4, 5, 3, 2, 0))
try:
    time.struct_time((1, 2, 3))
except TypeError as e:
    print('TypeError', 'sequence' in str(e))
for bad in [1e30, float('nan'), 10**30]:
    try:
        time.gmtime(bad)
    except (OverflowError, ValueError, OSError) as e:
        print(type(e).__name__, e)

print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %w %%', time.gmtime(1_000_000_000)))
print(time.strftime('%Y %m %d %j', (2000, 0, 0, 0, 0, 0, 0, 0, 0)), repr(time.strftime('', time.gmtime(0))))
print(time.strftime('%Z', time.gmtime(0)), time.strftime('%z', time.gmtime(0)))
print(time.asctime(time.gmtime(0)), time.asctime((2000, 1, 1, 0, 0, 0, 0, 1, -1)), time.asctime((2000, 1, 1, 0, 0, 0, 6, 1, -1)))
for tup in [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, 0, 367, 0),
            (2000, 1, 1, 0, 0, 0, -3, 1, 0), (1, 2, 3), 5, (2000, 1, 1, 0, 0, 0.5, 0, 1, 0)]:
    try:
        print(time.strftime('%Y', tup))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.strftime(5)
except TypeError as e:
    print('TypeError', e)
try:
    print(time.asctime((2000, 0, 0, 0, 0, 0, 0, 0, 0)))
    time.asctime((2000, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e:
    print('ValueError', e)

lt = time.localtime(1_000_000)
print(time.mktime(lt) == 1_000_000.0, type(time.mktime(lt)).__name__, lt.tm_isdst in (0, 1), time.localtime()[0] >= 2024)
print(time.ctime(0) == time.asctime(time.localtime(0)), len(time.ctime()), time.ctime(1e9) == time.asctime(time.localtime(1e9)))
try:
    time.mktime((1, 2))
except TypeError as e:
    print('TypeError', e)
print(isinstance(time.timezone, int), isinstance(time.altzone, int), time.daylight in (0, 1), len(time.tzname))
print(time.timezone == -time.localtime(0).tm_gmtoff or time.daylight == 1)

print(time.strptime('2001-09-09 01:46:40', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('Mon Jan  3 10:00:00 2011')[:7], time.strptime('7', '%d').tm_mday)
try:
    time.strptime('2001', '%d')
except ValueError as e:
    print('ValueError', e)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID)
