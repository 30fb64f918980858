# pickling and copying (all protocols), and subclassing date/datetime/time/timedelta/tzinfo.
import copy, pickle
from datetime import date, datetime, time, timedelta, timezone, tzinfo

class Named(tzinfo):
    def __init__(self, name='N'):
        self.name = name
    def utcoffset(self, dt): return timedelta(hours=1)
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return self.name
    def __repr__(self): return 'Named(%r)' % self.name

class WithArgs(tzinfo):
    def __init__(self, off):
        self.off = off
    def __getinitargs__(self): return (self.off,)
    def utcoffset(self, dt): return timedelta(minutes=self.off)

objs = [timedelta(1, 2, 3), timedelta(-5), date(2020, 2, 29), date.min, date.max, time(1, 2, 3, 4), time(23, fold=1),
        time(5, tzinfo=timezone.utc), datetime(2020, 1, 2, 3, 4, 5, 6), datetime(2020, 11, 1, 1, 30, fold=1),
        datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=-3), 'BRT')), datetime.max, timezone.utc,
        timezone(timedelta(minutes=90)), timezone.min, datetime(2020, 1, 1, tzinfo=Named('Q')), time(1, tzinfo=Named())]
for o in objs:
    rs = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        r = pickle.loads(pickle.dumps(o, proto))
        rs.append((r == o, type(r) is type(o), getattr(r, 'fold', 0) == getattr(o, 'fold', 0) or proto < 4))
    print(repr(o), all(all(x) for x in rs), copy.copy(o) == o, copy.deepcopy(o) == o)
print(pickle.loads(pickle.dumps(timezone.utc)) is timezone.utc, repr(pickle.loads(pickle.dumps(Named('Z')))))
print(WithArgs(30).__reduce__()[1], pickle.loads(pickle.dumps(datetime(2020, 1, 1, tzinfo=WithArgs(30)))).utcoffset())
print(Named('a').__reduce__(), tzinfo().__reduce__(), timezone(timedelta(hours=1), 'X').__reduce__())
print(date(2020, 1, 1).__reduce__(), time(1, 2, 3, 4, fold=1).__reduce_ex__(4), time(1, 2, 3, 4, fold=1).__reduce_ex__(2))
print(datetime(2020, 1, 1, fold=1).__reduce_ex__(4), datetime(2020, 1, 1, fold=1).__reduce__(), timedelta(1, 2, 3).__reduce__())
print(date(2020, 12, 31).isocalendar().__reduce__(), pickle.loads(pickle.dumps(date(2020, 12, 31).isocalendar())))
# constructors accept their pickled states
print(repr(date(b'\x07\xe4\x02\x1d')), repr(datetime(b'\x07\xe4\x81\x01\x02\x03\x04\x00\x00\x05')), repr(time(b'\x81\x02\x03\x00\x01\x00')))
print(repr(datetime(b'\x07\xe4\x01\x01\x00\x00\x00\x00\x00\x00', timezone.utc)), repr(date('\x07\xe4\x02\x1d')), repr(time(b'\x01\x02\x03\x00\x00\x00', None)))
for bad in [lambda: time(b'\x01\x02\x03\x00\x00\x00', 5), lambda: datetime(b'\x07\xe4\x01\x01\x00\x00\x00\x00\x00\x00', 'x'),
            lambda: date(b'\x07\xe4\x0d\x01'), lambda: date(b'abc')]:
    try:
        print(repr(bad()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# subclasses
class D(date):
    def __new__(cls, y, m, d, extra='e'):
        self = super().__new__(cls, y, m, d)
        self.extra = extra
        return self
    def __repr__(self): return 'D<%s %s>' % (self.isoformat(), getattr(self, 'extra', '-'))
class DT(datetime):
    label = 'dt'
    def isoformat(self, sep='T', timespec='auto'):
        return 'DT:' + super().isoformat(sep, timespec)
class TD(timedelta):
    def double(self): return self * 2
class T(time):
    pass
d = D(2020, 1, 31, 'x')
print(d, d + timedelta(1), type(d + timedelta(1)).__name__, d - timedelta(1), d.replace(day=1), type(d.replace(day=1)).__name__)
print(D.today().__class__.__name__, D.fromordinal(1), D.fromisoformat('2020-02-02'), D.fromisocalendar(2020, 1, 1), D.fromtimestamp(0).__class__.__name__)
print(d - date(2020, 1, 1), d == date(2020, 1, 31), d.isocalendar(), str(d), d.ctime(), format(d, '%Y'))
dt = DT(2020, 1, 2, 3, 4, 5)
print(repr(dt), str(dt), dt.label, dt + timedelta(hours=1), type(dt - timedelta(1)).__name__, type(dt.replace(hour=1)).__name__)
print(repr(DT.fromisoformat('2020-01-01T00:00')), type(DT.now()).__name__, type(DT.utcnow()).__name__, type(DT.fromtimestamp(0)).__name__,
      type(DT.combine(date(2020, 1, 1), time(1))).__name__, type(DT.strptime('2020', '%Y')).__name__, repr(DT.fromordinal(5)))
print(type(dt.astimezone(timezone.utc)).__name__, dt.astimezone(timezone.utc).tzinfo, dt - datetime(2020, 1, 1), datetime(2020, 1, 3) - dt)
print(repr(TD(1)), TD(1).double(), type(TD(1) + TD(2)).__name__, type(-TD(1)).__name__, type(TD(hours=1) * 2).__name__, TD(minutes=1).total_seconds())
print(repr(T(1, 2)), T(1, 2) == time(1, 2), type(T(1).replace(hour=2)).__name__, repr(T.fromisoformat('01:02')))
print(type(pickle.loads(pickle.dumps(T(1)))).__name__, type(pickle.loads(pickle.dumps(dt))).__name__, pickle.loads(pickle.dumps(dt)) == dt, copy.copy(TD(3)), type(copy.copy(TD(3))).__name__)
print(isinstance(dt, date), issubclass(DT, datetime), DT.__mro__[1:], D.min, DT.max, TD.resolution)
class DT2(datetime):
    def __new__(cls, *args, **kw):
        kw.pop('fold', None)
        return super().__new__(cls, *args, **kw)
print(repr(DT2(2020, 1, 1) + timedelta(1)), repr(DT2.combine(date(2020, 1, 1), time(1, fold=1))))
class Sloppy(date):
    __slots__ = ()
print(Sloppy(2020, 1, 1), hasattr(Sloppy(2020, 1, 1), '__dict__'), hasattr(D(2020, 1, 1), '__dict__'))
print(type(date(2020, 1, 1).isocalendar()).__mro__, date(2020, 1, 1).isocalendar() + (1,))
print(date.__module__, datetime.__name__, timedelta.__qualname__, timezone.__module__, date.today.__name__, type(date.__dict__['today']).__name__)
