import time
t0 = time.time(); m0 = time.monotonic(); p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= t0, time.monotonic() >= m0, time.perf_counter() > p0, type(time.time_ns()).__name__)
g = time.gmtime(0)
print(g, tuple(g), g.tm_year, g.tm_wday)
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1_000_000_000)), time.asctime(time.gmtime(86400 * 365)))
print(time.strptime('2001-09-09', '%Y-%m-%d')[:6], time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)).tm_mday)
print(time.mktime(time.localtime(1_000_000)) == 1_000_000.0, callable(time.process_time), time.timezone is not None)
