# tzinfo protocol, timezone, astimezone, fold (PEP 495) and local time (TZ pinned).
import os, time as _time
os.environ['TZ'] = 'America/New_York'
_time.tzset()
from datetime import date, datetime, time, timedelta, timezone, tzinfo, UTC

print(UTC is timezone.utc, timezone(timedelta(0)) is timezone.utc, timezone(timedelta(0), 'UTC') is timezone.utc)

class Fixed(tzinfo):
    def __init__(self, minutes, name, dst=0):
        self.off = timedelta(minutes=minutes)
        self.name = name
        self.d = timedelta(minutes=dst)
    def utcoffset(self, dt): return self.off
    def tzname(self, dt): return self.name
    def dst(self, dt): return self.d
    def __repr__(self): return 'Fixed(%r)' % self.name

# A US-Eastern-like zone with DST rules (from the datetime docs), exercising fold.
DSTSTART = datetime(1, 3, 8, 2)
DSTEND = datetime(1, 11, 1, 2)
def first_sunday_on_or_after(dt):
    days_to_go = 6 - dt.weekday()
    if days_to_go:
        dt += timedelta(days_to_go)
    return dt
class Eastern(tzinfo):
    def __repr__(self): return 'Eastern'
    def utcoffset(self, dt): return timedelta(hours=-5) + self.dst(dt)
    def tzname(self, dt): return 'EDT' if self.dst(dt) else 'EST'
    def dst(self, dt):
        if dt is None or dt.tzinfo is None:
            return timedelta(0)
        start = first_sunday_on_or_after(DSTSTART.replace(year=dt.year))
        end = first_sunday_on_or_after(DSTEND.replace(year=dt.year))
        dt = dt.replace(tzinfo=None)
        if start + timedelta(hours=1) <= dt < end - timedelta(hours=1):
            return timedelta(hours=1)
        if end - timedelta(hours=1) <= dt < end:
            return timedelta(0) if dt.fold else timedelta(hours=1)
        if start <= dt < start + timedelta(hours=1):
            return timedelta(hours=1) if dt.fold else timedelta(0)
        return timedelta(0)
    def fromutc(self, dt):
        assert dt.tzinfo is self
        start = first_sunday_on_or_after(DSTSTART.replace(year=dt.year)) + timedelta(hours=5)
        end = first_sunday_on_or_after(DSTEND.replace(year=dt.year)) + timedelta(hours=5)
        dt = dt.replace(tzinfo=None)
        if start <= dt < end - timedelta(hours=1):
            return (dt - timedelta(hours=4)).replace(tzinfo=self)
        if end - timedelta(hours=1) <= dt < end:
            return (dt - timedelta(hours=4)).replace(tzinfo=self, fold=0 if dt < end - timedelta(hours=1) else 0)
        return (dt - timedelta(hours=5)).replace(tzinfo=self)

f = Fixed(90, 'F+1:30', dst=30)
x = datetime(2020, 5, 17, 10, 30, tzinfo=f)
print(x, x.utcoffset(), x.dst(), x.tzname(), x.timetuple().tm_isdst, x.utctimetuple()[:6], x.timestamp())
print(x.astimezone(timezone.utc), x.astimezone(Fixed(-60, 'M1')), x.astimezone(f) is x)
print(time(5, tzinfo=f).utcoffset(), time(5, tzinfo=f).tzname(), time(5, tzinfo=f).dst(), time(5).utcoffset())
# default tzinfo.fromutc
g = Fixed(60, 'A', dst=60)
print(f.fromutc(datetime(2020, 1, 1, tzinfo=f)), g.fromutc(datetime(2020, 1, 1, 23, tzinfo=g)))
E = Eastern()
for h in range(3, 9):
    u = datetime(2020, 11, 1, h, 30, tzinfo=timezone.utc)
    loc = u.astimezone(E)
    print(u, loc, loc.fold, loc.tzname(), loc.utcoffset())
amb0 = datetime(2020, 11, 1, 1, 30, tzinfo=E)
amb1 = amb0.replace(fold=1)
print(amb0.utcoffset(), amb1.utcoffset(), amb0 == amb1, amb0.astimezone(timezone.utc), amb1.astimezone(timezone.utc))
print(amb0 == amb0.astimezone(timezone.utc), amb1 == amb1.astimezone(timezone.utc), amb0 - amb1)
print(datetime(2020, 6, 1, 12, tzinfo=E) == datetime(2020, 6, 1, 16, tzinfo=timezone.utc), hash(datetime(2020, 6, 1, 12, tzinfo=E)) == hash(datetime(2020, 6, 1, 16, tzinfo=timezone.utc)))

# protocol checks
class BadOff(tzinfo):
    def __init__(self, v): self.v = v
    def utcoffset(self, dt): return self.v
    def dst(self, dt): return self.v
    def tzname(self, dt): return self.v
for v in [5, timedelta(hours=24), timedelta(hours=-24), timedelta(hours=-23, minutes=-59), 'x', None]:
    for fn in [lambda: datetime(2020, 1, 1, tzinfo=BadOff(v)).utcoffset(), lambda: datetime(2020, 1, 1, tzinfo=BadOff(v)).dst(),
               lambda: datetime(2020, 1, 1, tzinfo=BadOff(v)).tzname(), lambda: time(1, tzinfo=BadOff(v)).utcoffset(),
               lambda: datetime(2020, 1, 1, tzinfo=BadOff(v)).isoformat(), lambda: datetime(2020, 1, 1, tzinfo=BadOff(v)).strftime('%z%Z')]:
        try:
            print(repr(fn()))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
for fn in [lambda: tzinfo().utcoffset(None), lambda: tzinfo().dst(None), lambda: tzinfo().tzname(None),
           lambda: datetime(2020, 1, 1, tzinfo=tzinfo()).utcoffset(), lambda: tzinfo().fromutc(5),
           lambda: tzinfo().fromutc(datetime(2020, 1, 1)), lambda: timezone.utc.fromutc(datetime(2020, 1, 1)),
           lambda: timezone.utc.fromutc(date(2020, 1, 1)), lambda: timezone.utc.utcoffset(5), lambda: timezone.utc.tzname('x'),
           lambda: timezone.utc.dst(date(2020, 1, 1)), lambda: Fixed(0, 'Z', None).fromutc(datetime(2020, 1, 1, tzinfo=Fixed(0, 'Z', None))),
           lambda: BadOff(None).fromutc(datetime(2020, 1, 1, tzinfo=BadOff(None)))]:
    try:
        print(repr(fn()))
    except (TypeError, ValueError, NotImplementedError) as e:
        print(type(e).__name__, e)
z3 = timezone(timedelta(hours=3))
print(timezone.utc.fromutc(datetime(2020, 1, 1, tzinfo=timezone.utc)), z3.fromutc(datetime(2020, 1, 1, 22, tzinfo=z3)))

# local time (TZ=America/New_York)
for ts in [0, 1e9, 1604209500, 1604213100, 1583650800, -1e9, 1.5, -0.5, 1234567890.1234565]:
    lt = datetime.fromtimestamp(ts)
    print(ts, lt, lt.fold, datetime.utcfromtimestamp(ts), datetime.fromtimestamp(ts, timezone.utc), date.fromtimestamp(ts), lt.timestamp())
print(datetime(2020, 11, 1, 1, 30).timestamp(), datetime(2020, 11, 1, 1, 30, fold=1).timestamp())
print(datetime(2020, 3, 8, 2, 30).timestamp(), datetime(2020, 3, 8, 2, 30, fold=1).timestamp())
print(datetime(2020, 7, 1, 12).astimezone(), datetime(2020, 1, 1, 12).astimezone(), datetime(2020, 7, 1, 12).astimezone(timezone.utc))
print(datetime(2020, 11, 1, 1, 30, fold=1).astimezone(timezone.utc), datetime(2020, 1, 1, 12, tzinfo=timezone.utc).astimezone())
print(datetime.fromtimestamp(1e9, Fixed(60, 'X')), datetime.fromtimestamp(1e9, tz=E))
n1 = datetime.now(); n2 = datetime.utcnow(); n3 = datetime.now(timezone.utc); n4 = datetime.today(); n5 = date.today()
print(type(n1).__name__, n1.tzinfo, n2.tzinfo, n3.tzinfo, abs(n3.replace(tzinfo=None) - n2) < timedelta(seconds=5), abs(n4 - n1) < timedelta(seconds=5), n5 == n1.date() or n5 == n4.date())
print(abs(datetime.now(timezone.utc) - datetime.fromtimestamp(_time.time(), timezone.utc)) < timedelta(seconds=5))
for bad in [lambda: datetime.fromtimestamp('x'), lambda: datetime.fromtimestamp(1e20), lambda: datetime.fromtimestamp(float('nan')),
            lambda: datetime.utcfromtimestamp(1e12), lambda: date.fromtimestamp(None), lambda: datetime.now(5), lambda: datetime.fromtimestamp(0, 5)]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
