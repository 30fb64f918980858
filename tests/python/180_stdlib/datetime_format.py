# repr/str/isoformat/strftime/ctime/__format__ and fromisoformat round trips.
from datetime import date, datetime, time, timedelta, timezone

d = date(2024, 3, 9)
dt = datetime(2021, 3, 14, 15, 9, 26, 535897)
t = time(7, 5, 3, 120)
print(repr(d), str(d), d.isoformat(), d.ctime(), format(d), format(d, '%d/%m/%y'), f'{d:%A %j}')
print(repr(dt), str(dt), dt.ctime(), repr(datetime(2020, 1, 1)), repr(datetime(2020, 1, 1, 1, 2, 3)), repr(datetime(2020, 1, 1, 0, 0, 0, 1)))
print(repr(t), str(t), repr(time()), repr(time(1, 2, 3)), repr(time(0, 0, 0, 5)), repr(time(1, fold=1)), repr(datetime(2020, 1, 1, fold=1)))
print(repr(datetime(2020, 1, 1, 5, fold=1, tzinfo=timezone.utc)), repr(time(3, tzinfo=timezone(timedelta(hours=-3), 'BRT'))))
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(spec, dt.isoformat(timespec=spec), t.isoformat(spec), time(1).isoformat(timespec=spec), datetime(2020, 1, 1).isoformat(' ', spec))
print(dt.isoformat('_'), dt.isoformat(sep='\u00e9'), dt.replace(tzinfo=timezone(timedelta(hours=5, minutes=30))).isoformat())
print(datetime(2020, 1, 1, tzinfo=timezone(timedelta(seconds=-3601))).isoformat(), time(1, tzinfo=timezone(timedelta(microseconds=-1))).isoformat())
print(str(datetime(2020, 1, 1, 12, tzinfo=timezone.utc)), str(time(12, 30, tzinfo=timezone(timedelta(hours=9)))))
# strftime (with the %z %Z %f expansion)
for fmt in ['%Y-%m-%d %H:%M:%S.%f', '%a %A %b %B %c', '%j %U %W %w %y %p %I', '%z|%Z|%%|%f', '100%% %', '%x %X', '', 'plain']:
    print(repr(fmt), repr(d.strftime(fmt)), repr(dt.strftime(fmt)), repr(t.strftime(fmt)))
tz = timezone(timedelta(hours=-4, minutes=-30), 'X%Y')
aw = datetime(2021, 7, 4, 8, 0, 1, 5, tzinfo=tz)
print(aw.strftime('%z %Z %f %H'), time(1, 2, tzinfo=tz).strftime('%z %Z'), aw.strftime(format='%Z'))
print(datetime(2020, 1, 1, tzinfo=timezone.utc).strftime('%z %Z'), datetime(2020, 1, 1, tzinfo=timezone(timedelta(seconds=30))).strftime('%z'))
print(date(1, 1, 1).strftime('%Y %d'), datetime(999, 2, 3).strftime('%Y-%m-%d'), date(2000, 1, 1).__format__(''))
print(f'{dt:%H:%M}', f'{t:%H}', f'{dt}', f'{t}', f'{aw}', '{:%Y}'.format(d))
print(d.timetuple(), dt.timetuple(), aw.timetuple(), aw.utctimetuple(), dt.utctimetuple())
print(datetime(2020, 1, 1, tzinfo=timezone.utc).timetuple().tm_isdst, d.timetuple().tm_yday, date(2020, 12, 31).timetuple().tm_yday)
# timezone text
for z in [timezone.utc, timezone(timedelta(0)), timezone(timedelta(0), 'Z'), timezone(timedelta(hours=5, minutes=30)),
          timezone(timedelta(hours=-1, seconds=1)), timezone(timedelta(microseconds=1)), timezone.min, timezone.max,
          timezone(-timedelta(hours=23, minutes=59, seconds=59, microseconds=999999))]:
    print(repr(z), str(z), z.tzname(None), z.utcoffset(None), z.dst(None), z == timezone.utc, z is timezone.utc)
print(timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), 'A'), timezone.utc == 0, hash(timezone(timedelta(hours=1))) == hash(timezone(timedelta(hours=1), 'B')))
# fromisoformat
for s in ['2020-01-02', '20200102', '2020W01', '2020-W01', '2020-W01-3', '2020W013', '2020-W53-1', '2021-W53-1',
          '2020-1-1', '2020-01-1', '2020/01/01', '2020-01-32', '2020-13-01', '0000-01-01', 'abcdefghij', '', '2020-002']:
    try:
        print(s, repr(date.fromisoformat(s)))
    except ValueError as e:
        print(s, 'ValueError', e)
for s in ['2020-01-02T03:04:05', '2020-01-02 03:04:05.678', '2020-01-02T03:04:05.6789012', '2020-01-02T03:04:05,5',
          '2020-01-02T03', '2020-01-02T0304', '2020-01-02T030405', '2020-01-02T03:04:05Z', '2020-01-02T03:04:05+05:30',
          '2020-01-02T03:04:05-0130', '2020-01-02T03:04:05+01:02:03.5', '2020-01-02T03:04:05+00:00:00.5', '20200102T030405Z',
          '2020-W01-2T12', '2020W012T1200', '2020-01-02', '2020-01-02T', '2020-01-02T25:00', '2020-01-02T03:04:05+25:00',
          '2020-01-02T03:04:05Zx', '2020-01-02T03:04:', '2020-01-02T03:04:05.', '2020-01-02x03:04', '2020', '',
          '2020-01-02T03:04:05+05', '2020-01-02T03:04:05-00:00']:
    try:
        print(s, repr(datetime.fromisoformat(s)))
    except ValueError as e:
        print(s, 'ValueError', e)
for s in ['03:04', '03:04:05', 'T0304', '030405.123', '03', '03:04:05.123456789+01:00', '24:00', '03:4', 'x', '03:04Z', '3:04']:
    try:
        print(s, repr(time.fromisoformat(s)))
    except ValueError as e:
        print(s, 'ValueError', e)
for x in [dt, aw, datetime(2020, 1, 1, tzinfo=timezone.utc), datetime(1, 1, 1), datetime.max]:
    print(datetime.fromisoformat(x.isoformat()) == x, datetime.fromisoformat(str(x)) == x)
print(time.fromisoformat(t.isoformat()) == t, date.fromisoformat(d.isoformat()) == d)
print(datetime.strptime('2020-01-02 03:04:05', '%Y-%m-%d %H:%M:%S'), datetime.strptime('12/31/99 +0130', '%m/%d/%y %z'))
print(datetime.strptime('Mar 5 2021 1:02:03.5 PM', '%b %d %Y %I:%M:%S.%f %p'))
# any character separates date and time; a non-ASCII one only at the separator positions
for s in ['2020W01\u00e912', '20200101\u00e912', '2020-01-01\u00e912:00', '2020-01-01\ud80012:00', '2020-01-01\u00e9',
          '2020-01-0\u00e9', '202001\u00e9', '2020-01-01\u00e9\u00e912', '\u00e9\u00e9\u00e9\u00e9-01-01T00']:
    try:
        print(repr(s), repr(datetime.fromisoformat(s)))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
print(datetime.fromisoformat(dt.isoformat(sep='\u00e9')) == dt, repr(datetime.fromisoformat(datetime(2020, 5, 6, 7).isoformat('\u2603'))))
# time's repr names tzinfo before fold, datetime's fold before tzinfo
print(repr(time(1, 2, 3, 4, tzinfo=timezone.utc, fold=1)), repr(datetime(2020, 1, 1, 1, 2, 3, 4, tzinfo=timezone.utc, fold=1)))
