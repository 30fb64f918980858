# Differential checks with a fixed seed: random values through arithmetic,
# formatting, parsing, pickling, local time (several TZ rules) and argument
# errors; the expected output is CPython 3.11's (its C _datetime).
import os, pickle, random, re, sys, time as _t
from datetime import *
R = random.Random(2024)
def rdelta():
    k = R.random()
    if k < 0.3: return timedelta(days=R.randint(-10**6, 10**6), seconds=R.randint(-10**6, 10**6), microseconds=R.randint(-10**7, 10**7))
    if k < 0.6: return timedelta(hours=R.uniform(-1e5, 1e5), minutes=R.uniform(-100, 100), milliseconds=R.uniform(-1e4, 1e4))
    return timedelta(microseconds=R.randint(-10**15, 10**15))
def rtz():
    k = R.random()
    if k < 0.4: return None
    if k < 0.5: return timezone.utc
    off = timedelta(minutes=R.randint(-1439, 1439), seconds=R.choice([0, 0, R.randint(0, 59)]))
    return timezone(off, R.choice(['X', 'A%B'])) if R.random() < 0.5 else timezone(off)
def rdate(): return date(R.randint(1, 9999), R.randint(1, 12), R.randint(1, 28))
def rdt(): return datetime(R.randint(1, 9999), R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59), R.choice([0, R.randint(0, 999999)]), tzinfo=rtz(), fold=R.randint(0, 1))
def rtime(): return time(R.randint(0, 23), R.randint(0, 59), R.randint(0, 59), R.choice([0, R.randint(0, 999999)]), tzinfo=rtz(), fold=R.randint(0, 1))
def show(f):
    try: return repr(f())
    except Exception as e: return type(e).__name__ + ': ' + str(e)
for i in range(15):
    a, b = rdelta(), rdelta()
    n = R.choice([0, 1, -1, 2, 7, R.randint(-10**6, 10**6), 10**12])
    fl = R.choice([0.0, 0.5, -1.5, R.uniform(-1000, 1000), 1e-9, 3.14159])
    print(show(lambda: (a, str(a), a + b, a - b, a * n, a * fl, a // (n or 1), a / (n or 3), a / (fl or 2.0), a // b if b else 0, a % b if b else 0, a / b if b else 0, divmod(a, b) if b else 0, a < b, a == b, abs(a), -a, a.total_seconds())))
    d, dt, t = rdate(), rdt(), rtime()
    print(show(lambda: (d, d.isoformat(), d.ctime(), d.isocalendar(), d.weekday(), d.toordinal(), d + timedelta(days=R.randint(-10**5, 10**5)), d - rdate(), d.strftime('%Y %j %U %W %a %b'), date.fromisoformat(d.isoformat()) == d)))
    print(show(lambda: (dt, str(dt), dt.isoformat(timespec=R.choice(['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds'])), dt.utcoffset(), dt.tzname(), dt.dst(), dt.timetuple(), dt.utctimetuple(), dt.ctime())))
    e = rdt()
    print(show(lambda: (dt + a, dt - a)), show(lambda: dt - e), show(lambda: (dt < e, dt == e, dt != e, dt >= e)), show(lambda: dt.timestamp() if dt.tzinfo else 0))
    print(show(lambda: dt.astimezone(rtz() or timezone.utc)), show(lambda: datetime.fromisoformat(dt.isoformat()) == dt), show(lambda: pickle.loads(pickle.dumps(dt, R.randint(0, 5))) == dt))
    print(show(lambda: (t, str(t), t.isoformat(), t.utcoffset(), t.strftime('%H%M%S %f %z %Z'), time.fromisoformat(t.isoformat()) == t)), show(lambda: (t < (u := rtime()), t == u)))
    print(show(lambda: datetime.utcfromtimestamp(R.uniform(-6e10, 2.5e11))), show(lambda: datetime.fromtimestamp(R.uniform(-6e10, 2.5e11), timezone.utc)))
    print(show(lambda: hash(dt) == hash(dt.replace(fold=0)) if dt.utcoffset() is not None else 0), show(lambda: (hash(a), hash(dt) if dt.tzinfo else 0, hash(t) if t.tzinfo else 0)))

for tzname in ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'America/Sao_Paulo', 'Pacific/Apia']:
    os.environ['TZ'] = tzname
    _t.tzset()
    print(tzname)
    def show(f):
        try: return repr(f())
        except Exception as e: return type(e).__name__ + ': ' + str(e)
    for i in range(12):
        ts = R.choice([R.uniform(-2e9, 4e9), R.randint(-2**31, 2**32), R.uniform(1.5e9, 1.8e9)])
        print(show(lambda: (datetime.fromtimestamp(ts), datetime.fromtimestamp(ts).fold, date.fromtimestamp(ts), datetime.fromtimestamp(ts).timestamp() - ts < 1e-5)))
        dt = datetime(R.randint(1900, 2100), R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.choice([0, 30, R.randint(0, 59)]), fold=R.randint(0, 1))
        print(show(lambda: (dt.timestamp(), dt.astimezone(), dt.astimezone(timezone.utc), dt.astimezone().tzname())))
    for y in (2020,):
        for m in (3, 11):
            for d in (1, 8, 29):
                for h in (0, 1, 2, 3):
                    for fold in (0, 1):
                        try: x = datetime(y, m, d, h, 30, fold=fold)
                        except ValueError: continue
                        print(x, fold, show(lambda: (x.timestamp(), x.astimezone())))

pool = [None, 0, 1, -1, 7, 13, 24, 60, 2**31, 2**40, 2**70, 1.5, float('nan'), 'x', '', b'x', b'\x07\xe4\x01\x01', timedelta(1), timedelta(hours=1), date(2020, 1, 1), datetime(2020, 1, 1, tzinfo=timezone.utc), time(1), timezone.utc, [], True, 2020, 12, 31, 'auto', 'T', 'hours', '%Y']
kws = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold', 'days', 'seconds', 'microseconds', 'weeks', 'tz', 'sep', 'timespec', 'format', 'offset', 'name', 'x', 'timestamp', 'date', 'time', 'week']
d, dt, t, td, tz = date(2020, 5, 17), datetime(2021, 3, 4, 5, 6, 7, 8), time(1, 2, 3), timedelta(3, 4, 5), timezone(timedelta(hours=2), 'Z')
calls = [date, datetime, time, timedelta, timezone, date.fromordinal, date.fromisoformat, date.fromisocalendar, date.fromtimestamp,
         datetime.fromtimestamp, datetime.utcfromtimestamp, datetime.combine, datetime.fromisoformat, datetime.strptime,
         time.fromisoformat, d.replace, dt.replace, t.replace, d.strftime, dt.strftime, t.strftime, d.__format__, dt.isoformat, t.isoformat,
         dt.astimezone, tz.utcoffset, tz.tzname, tz.dst, tz.fromutc, td.__mul__, td.__truediv__, td.__floordiv__, td.__mod__, td.__divmod__,
         d.__add__, d.__sub__, dt.__add__, dt.__sub__, dt.__rsub__, td.__add__, d.__eq__, dt.__lt__, t.__ge__, td.__le__, dt.__reduce_ex__,
         t.__reduce_ex__, d.isocalendar, dt.timestamp, tzinfo().fromutc]
def fmt(x):
    s = repr(x)
    return re.sub(r' at 0x[0-9a-f]+', '', s)
for i in range(300):
    f = R.choice(calls)
    args = [R.choice(pool) for _ in range(R.choice([0, 1, 1, 2, 3, 3, 4, 8]))]
    kw = {R.choice(kws): R.choice(pool) for _ in range(R.choice([0, 0, 0, 1, 2]))}
    try:
        r = fmt(f(*args, **kw))
    except Exception as e:
        m = str(e)
        if 'not supported between' in m or 'unsupported operand' in m: m = 'OPERAND'
        r = type(e).__name__ + ': ' + m
    print(getattr(f, '__qualname__', f), fmt(args), fmt(kw), '->', r)
