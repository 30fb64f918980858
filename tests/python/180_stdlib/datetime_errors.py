# Bad arguments: CPython's exception types and messages.
from datetime import date, datetime, time, timedelta, timezone, tzinfo

class Idx:
    def __index__(self): return 7

cases = [
    "date(2023, 2, 29)", "date(2024, 2, 30)", "date(0, 1, 1)", "date(10000, 1, 1)", "date(2020, 0, 1)", "date(2020, 13, 1)",
    "date(2020, 1, 0)", "date(2020, 4, 31)", "date(2.0, 1, 1)", "date('2020', 1, 1)", "date(2020)", "date(2020, 1)",
    "date()", "date(1, 2, 3, 4)", "date(year=1, month=2, day=3, x=4)", "date(1, 2, day=3, year=5)", "date(2020, 1, day=2, foo=3)",
    "date(2**40, 1, 1)", "date(-2**40, 1, 1)", "date(2020, Idx(), Idx())", "date(True, True, True)",
    "time(24)", "time(-1)", "time(1, 60)", "time(1, 1, 60)", "time(1, 1, 1, 1000000)", "time(1, 1, 1, -1)", "time(fold=2)",
    "time(fold=-1)", "time(tzinfo=1)", "time(1, 2, 3, 4, None, 0)", "time(1, 2, 3, 4, None, 0, 5)", "time(hour=1.5)",
    "time(1, fold=1).replace(fold=5)", "time(1).replace(hour=24)", "time(1).replace(tzinfo='x')",
    "datetime(2020)", "datetime(2020, 1)", "datetime(2020, 1, 1, 24)", "datetime(2020, 2, 30)", "datetime(2020, 1, 1, tzinfo=1)",
    "datetime(2020, 1, 1, 1, 1, 1, 1, None, 1, 1)", "datetime(1, 2, 3, 4, 5, 6, 7, None, 0)", "datetime(2020, 1, 1, fold=3)",
    "datetime(2020, 1, 1).replace(month=13)", "datetime(2020, 1, 1).replace(1, 2, 3, 4, 5, 6, 7, None, 0)",
    "datetime(2020, 1, 1).replace(x=1)", "date(2020, 1, 1).replace(1, 2, 3, 4)", "date(2020, 1, 1).replace(x=1)",
    "date(2020, 1, 1).replace(day=32)", "date(2020, 1, 1).replace(year=1.5)",
    "timedelta(foo=1)", "timedelta('1')", "timedelta(1, 2, 3, 4, 5, 6, 7, 8)", "timedelta(days=[])", "timedelta(hours=Idx())",
    "timedelta(seconds=1j)", "timedelta(days=10**20)", "timedelta(weeks=10**9)", "timedelta(microseconds=-10**20)",
    "date.fromordinal(0)", "date.fromordinal(-5)", "date.fromordinal(3652060)", "date.fromordinal(1.5)", "date.fromordinal('1')",
    "date.fromisocalendar(2020, 54, 1)", "date.fromisocalendar(2020, 53, 1)", "date.fromisocalendar(2021, 53, 1)", "date.fromisocalendar(2020, 0, 1)",
    "date.fromisocalendar(2020, 1, 8)", "date.fromisocalendar(2020, 1, 0)", "date.fromisocalendar(0, 1, 1)", "date.fromisocalendar(10000, 1, 1)",
    "date.fromisocalendar(9999, 52, 7)", "date.fromisocalendar(2020, 1)", "date.fromisocalendar(2020, 1.0, 1)",
    "date.fromisoformat(5)", "date.fromisoformat(b'2020-01-01')", "datetime.fromisoformat(None)", "time.fromisoformat(1)",
    "date.fromisoformat('2020-01-01T00:00')", "date.fromisoformat('\\u00e9\\u00e9\\u00e9\\u00e9-01-01')", "datetime.fromisoformat('2020-01-01\\ud800')",
    "timezone(timedelta(hours=24))", "timezone(-timedelta(hours=24))", "timezone(timedelta(days=-2))", "timezone(5)", "timezone(timedelta(0), 5)",
    "timezone()", "timezone(timedelta(0), 'a', 'b')", "timezone(offset=timedelta(hours=1), name='x')",
    "datetime(2020, 1, 1).isoformat('ab')", "datetime(2020, 1, 1).isoformat(5)", "datetime(2020, 1, 1).isoformat(timespec='x')",
    "datetime(2020, 1, 1).isoformat(timespec=5)", "time(1).isoformat(timespec='x')", "time(1).isoformat(timespec='Hours')",
    "date(2020, 1, 1).strftime(5)", "date(2020, 1, 1).strftime()", "time(1).strftime(None)", "date(2020, 1, 1).__format__(5)",
    "datetime.combine(1, time(1))", "datetime.combine(date(2020, 1, 1), 1)", "datetime.combine(date(2020, 1, 1))",
    "datetime.combine(date(2020, 1, 1), time(1), 5)", "datetime.combine(datetime(2020, 1, 1, 5), time(1))",
    "datetime(2020, 1, 1).astimezone(5)", "datetime.now(5)", "datetime.now(tz=1)", "datetime.fromtimestamp(0, 'x')",
    "datetime.fromtimestamp('x')", "datetime.fromtimestamp(None)", "datetime.fromtimestamp(1e20)", "datetime.fromtimestamp(float('nan'))",
    "datetime.fromtimestamp(float('inf'))", "datetime.utcfromtimestamp(-1e20)", "date.fromtimestamp(float('nan'))",
    "datetime.strptime('x', '%Y')", "datetime.strptime('2020', 5)", "datetime.strptime('2020')",
    "datetime(2020, 1, 1, tzinfo=timezone.utc).timestamp() + 'x'", "timedelta(1) + 1", "1 - timedelta(1)", "date(2020, 1, 1) * 2",
    "timedelta(1) < 'x'", "date(2020, 1, 1) < 5", "time(1) > 5", "datetime(2020, 1, 1) > 5",
    "datetime.max.timestamp()", "datetime.min.replace(tzinfo=timezone(timedelta(hours=1))).timestamp()",
    "datetime.min.replace(tzinfo=timezone(timedelta(hours=1))).astimezone(timezone.utc)",
    "datetime.max.replace(tzinfo=timezone(timedelta(hours=-1))).utctimetuple()",
    "type(tzinfo(1)).__name__", "date.today(1)", "datetime.utcnow(1)", "time(1).utcoffset(1)",
    # argument-count and keyword checks, in getargs' order
    "date(2020, 1, 1).__eq__()", "timedelta(1).__add__(1, 2)", "timedelta(1).__mul__(x=2)", "datetime(2020, 1, 1).__rsub__(1, 2)",
    "timedelta(1).__neg__(1)", "date(2020, 1, 1).__hash__(1)", "timezone.utc.__eq__()", "time(1).__lt__(time(2), 3)",
    "date.fromisoformat()", "date.fromisoformat('2020-01-01', x=1)", "date.fromtimestamp(1, 2)", "date.fromordinal()",
    "datetime.utcfromtimestamp(1, 2)", "timezone.utc.utcoffset()", "timezone.utc.tzname(None, None)", "tzinfo().utcoffset()",
    "tzinfo().fromutc()", "date(2020, 1, 1).isocalendar(1)", "date.today(x=1)", "datetime(2020, 1, 1).__reduce_ex__()",
    "time(1).__reduce_ex__(2, 3)", "date(2020, 1, 1).__format__()", "time(x=1)", "date(2020, 1, 1, x=1)",
    "datetime(2020, 1, 1, 1, 1, 1, 1, None, 0)", "datetime.combine(1, time(1), x=2)", "datetime.combine(date(2020, 1, 1))",
    "timezone([], month=1)", "datetime(2020, 'x', x=1)", "date.fromisocalendar(60, 2**31, 1)", "date.fromisocalendar(2**40, 1, 1)",
    "date.fromtimestamp(date(2020, 1, 1))", "datetime.fromtimestamp(timedelta(1))", "date(timedelta(1), 1, 1)",
    "date.__new__(datetime, 2020, 1, 1)", "tzinfo.__new__(timezone)", "type(tzinfo.__new__(tzinfo)).__name__",
    "datetime(2020, 1, 1).replace(year=[], x=1)", "datetime(2020, 1, 1).isoformat(7, seconds=1)", "time(1).isoformat(5)",
]
for c in cases:
    try:
        r = eval(c)
        print(c, '->', repr(r))
    except Exception as e:
        msg = str(e)
        if 'not supported between' in msg or 'unsupported operand' in msg:
            msg = msg.split(':')[0].split("'")[0]  # operand type names: builtin formatting
        print(c, '->', type(e).__name__, msg)
