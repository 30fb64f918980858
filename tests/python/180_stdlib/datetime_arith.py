# timedelta/date/datetime arithmetic, comparisons, hashing and normalization.
from datetime import date, datetime, time, timedelta, timezone, MINYEAR, MAXYEAR

print(MINYEAR, MAXYEAR)
# timedelta construction and normalization
for td in [timedelta(), timedelta(1), timedelta(-1), timedelta(seconds=-1), timedelta(microseconds=-1),
           timedelta(days=1.5), timedelta(hours=1.25, minutes=-3), timedelta(weeks=2, milliseconds=3.5),
           timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=-0.5),
           timedelta(microseconds=-1.5), timedelta(seconds=0.0000015), timedelta(days=1.1, microseconds=-0.4),
           timedelta(days=True), timedelta(0, 86401, 1000001), timedelta(days=-0.1), timedelta.min,
           timedelta.max, timedelta.resolution, timedelta(days=999999999, hours=23, minutes=59, seconds=59.999999)]:
    print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds(), bool(td))

a = timedelta(days=3, hours=4, minutes=5, seconds=6, microseconds=7)
b = timedelta(hours=-7, microseconds=13)
print(a + b, a - b, b - a, -a, +b, abs(b), abs(a))
print(a * 3, 3 * a, a * -1, a * 0.5, 0.25 * a, a * 1e-7, a * True)
print(a / 2, a / 7, a / 0.3, a / a, a / b, b / a)
print(a // 2, a // b, b // a, a // timedelta(hours=1), a % timedelta(hours=1), b % a)
print(divmod(a, timedelta(hours=5)), divmod(b, timedelta(minutes=7)))
print(timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2, timedelta(microseconds=-5) / 2, timedelta(microseconds=3) * 0.5)
print(timedelta(1) // 3, timedelta(-1) // 3, timedelta(seconds=1) / 3)
print(a == a, a == b, a != b, a < b, a > b, a <= a, a >= b, a == 5, a != 'x')
print(sorted([a, b, -a, timedelta(0)]))
print(hash(timedelta(1)) == hash(timedelta(hours=24)), hash(a) == hash(timedelta(3, 4 * 3600 + 5 * 60 + 6, 7)))
print(hash(timedelta(0)), hash(timedelta(1, 2, 3)))
print(a.__reduce__())

# date arithmetic
d = date(2024, 2, 28)
for n in [0, 1, 2, 365, -59, -60, 1000, -738000]:
    print(n, d + timedelta(days=n), timedelta(days=n) + d, d - timedelta(days=n))
print(d + timedelta(hours=47), d - timedelta(seconds=1), d - date(2000, 1, 1), date(2000, 1, 1) - d)
print(date.min, date.max, date.resolution, date.max - date.min, date(1, 1, 1).toordinal(), date.max.toordinal())
for o in [1, 2, 59, 60, 365, 366, 730119, 730120, 738000, 3652059]:
    dd = date.fromordinal(o)
    print(o, dd, dd.toordinal() == o, dd.weekday(), dd.isoweekday(), dd.isocalendar())
for y in [1, 4, 100, 400, 1900, 2000, 2004, 2020, 2021, 2026, 9999]:
    print(y, date(y, 1, 1).isocalendar(), date(y, 12, 31).isocalendar(), date(y, 12, 28).isocalendar()[1],
          date.fromisocalendar(y, 1, 1), date(y, 3, 1) - date(y, 2, 28))
ic = date(2020, 12, 31).isocalendar()
print(ic, ic.year, ic.week, ic.weekday, ic[0], tuple(ic), ic == (2020, 53, 4), type(ic).__name__, len(ic))
print(date(2020, 1, 1) == date(2020, 1, 1), date(2020, 1, 1) < date(2020, 1, 2), date(2021, 1, 1) > date(2020, 12, 31))
print(hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)), {date(2020, 1, 1): 1}[date(2020, 1, 1)])

# datetime arithmetic
dt = datetime(2021, 12, 31, 23, 59, 59, 999999)
print(dt + timedelta(microseconds=1), dt - timedelta(days=365, microseconds=-1), timedelta(hours=1) + dt)
print(dt - datetime(2021, 1, 1), datetime(2021, 1, 1) - dt, dt - dt)
print(datetime(2020, 3, 1) - timedelta(days=1), datetime(2020, 2, 28, 12) + timedelta(hours=36))
print(datetime.min + timedelta(days=1), datetime.max - timedelta(days=1), datetime.max - datetime.min)
u1 = datetime(2020, 6, 1, 12, tzinfo=timezone.utc)
u2 = datetime(2020, 6, 1, 14, tzinfo=timezone(timedelta(hours=2)))
u3 = datetime(2020, 6, 1, 9, 30, tzinfo=timezone(timedelta(hours=-2, minutes=-30)))
print(u1 == u2, u1 == u3, u2 - u3, u3 - u1, u1 < u2, u1 <= u2, hash(u1) == hash(u2) == hash(u3))
print(u1 + timedelta(hours=1), u2 - timedelta(minutes=30))
print(datetime(2020, 1, 1) == datetime(2020, 1, 1, 0, 0, 0, 0), datetime(2020, 1, 1) < datetime(2020, 1, 1, 0, 0, 0, 1))
print(datetime(2020, 1, 1, fold=1) == datetime(2020, 1, 1), hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1)))
print(sorted([datetime(2020, 5, 1), datetime(2019, 1, 1, 12), datetime(2019, 1, 1, 11)]))

# date vs datetime
print(date(2020, 1, 1) == datetime(2020, 1, 1), datetime(2020, 1, 1) != date(2020, 1, 1))
for op in ['<', '>', '<=', '>=']:
    for l, r in [('date(2020,1,1)', 'datetime(2020,1,1)'), ('datetime(2020,1,1)', 'date(2020,1,1)')]:
        try:
            print(op, eval(l + op + r))
        except TypeError as e:
            print(op, 'TypeError', e)
print(datetime(2020, 1, 1).date() == date(2020, 1, 1), datetime(2020, 1, 1) == u1, u1 != datetime(2020, 6, 1, 12))
for f in [lambda: datetime(2020, 1, 1) < u1, lambda: datetime(2020, 1, 1) - u1, lambda: u1 - datetime(2020, 1, 1),
          lambda: time(1) < time(1, tzinfo=timezone.utc)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)

# time comparisons and hashing
t1 = time(12, 0, tzinfo=timezone(timedelta(hours=1)))
t2 = time(11, 0, tzinfo=timezone.utc)
print(t1 == t2, hash(t1) == hash(t2), time(1) == time(1, fold=1), time(1) < time(2), time(1) == time(1, tzinfo=timezone.utc))
print(time(23, 59, 59, 999999) > time(0), max(time(1), time(3), time(2)), bool(time(0)), bool(time(1)))

# overflow
for f in [lambda: timedelta.max + timedelta(1), lambda: timedelta.min - timedelta(1), lambda: timedelta.max * 2,
          lambda: date.max + timedelta(1), lambda: date.min - timedelta(1), lambda: datetime.max + timedelta(1),
          lambda: datetime.min - timedelta(microseconds=1), lambda: timedelta(days=10**10), lambda: timedelta(days=1e20),
          lambda: timedelta(days=999999999, hours=24), lambda: timedelta(1) / 0, lambda: timedelta(1) // 0,
          lambda: timedelta(1) % timedelta(0), lambda: divmod(timedelta(1), timedelta(0)), lambda: timedelta(1) / timedelta(0),
          lambda: timedelta(1) / 0.0, lambda: timedelta(1) * float('nan'), lambda: timedelta(1) * float('inf'),
          lambda: timedelta(seconds=float('inf')), lambda: timedelta(seconds=float('nan'))]:
    try:
        print(f())
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
