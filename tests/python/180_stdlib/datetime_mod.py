from datetime import date, datetime, time, timedelta, timezone
d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=2), d.replace(day=1), d.weekday(), d.isoweekday(), d.isocalendar(), d.timetuple().tm_yday, d.toordinal())
print(date.fromisoformat('2023-12-31'), date.fromordinal(738000), d.strftime('%A %d %B %Y %j %U %a %b'), d.ctime(), f'{d:%Y/%m/%d}')
dt = datetime(2021, 3, 14, 15, 9, 26, 535897)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(sep=' ', timespec='seconds'), dt.date(), dt.time(), dt.timestamp() if dt.tzinfo else 'naive')
print(datetime.strptime('2020-01-02 03:04:05', '%Y-%m-%d %H:%M:%S'), datetime.fromisoformat('2011-11-04T00:05:23+04:00'))
u = datetime(2000, 1, 1, tzinfo=timezone.utc)
print(u, u.timestamp(), u.astimezone(timezone(timedelta(hours=-5))), u.utcoffset(), u.tzname(), datetime.fromtimestamp(0, timezone.utc))
td = timedelta(days=1, hours=25, minutes=-30, seconds=3.5)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, td * 2, td / 3, td // timedelta(hours=1), abs(-td))
print(datetime(2024, 3, 1) - datetime(2024, 2, 1), date(2024, 1, 1) - date(2023, 1, 1), timedelta(microseconds=1), timedelta(0), timedelta(weeks=1))
print(time(13, 5), time(1, 2, 3, 4), time.fromisoformat('04:23:01'), time(9).strftime('%I %p'), time(23, 59) > time(1))
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]), date(2020, 1, 1) == datetime(2020, 1, 1).date(), date.max, date.min, datetime.min)
for bad in [lambda: date(2023, 2, 29), lambda: datetime(2020, 13, 1), lambda: time(24), lambda: datetime.strptime('x', '%Y')]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
print(timezone(timedelta(hours=5, minutes=30)), timezone.utc, datetime(2020, 6, 1, 12, tzinfo=timezone(timedelta(hours=2))).isoformat())
