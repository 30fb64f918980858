# _locale under locale.py: queries, conversions, collation, catalogs and their errors (C/C.UTF-8 locales).
import _locale as L, locale
print(sorted((n, getattr(L, n)) for n in dir(L) if n.isupper()))
print(L.setlocale(L.LC_ALL), L.setlocale(L.LC_CTYPE), L.getencoding(), L.localeconv())
print(L.Error.__mro__, L.Error.__module__, L.nl_langinfo(L.CODESET), L.nl_langinfo(L.D_FMT), L.nl_langinfo(L.DAY_1))
for f, a in [(L.setlocale, (L.LC_ALL, 'xx_YY')), (L.setlocale, (99,)), (L.nl_langinfo, (99999,)), (L.setlocale, ('x',)), (L.strcoll, (1, 'a'))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
# strcoll's magnitude is libc's (wcscoll; CPU-specific wcscmp variants differ), only its sign is specified
print(L.strcoll('a', 'b') < 0, L.strcoll('b', 'a') > 0, L.strcoll('a', 'a'), L.strxfrm('abc'), L.gettext('x'), L.textdomain(None), L.dgettext(None, 'y'))
print(locale.getlocale(), locale.getpreferredencoding(), locale.setlocale(locale.LC_NUMERIC, 'C'))
print(locale.format_string('%d', 1234567, grouping=True), locale.str(1.5), locale.atof('2.5'), sorted(['b', 'a', 'C'], key=locale.strxfrm))
print(L.setlocale(L.LC_ALL, 'C'), L.setlocale(L.LC_CTYPE))
for f,a in [(L.strcoll,('a',1)),(L.strxfrm,(1,)),(L.gettext,(1,)),(L.setlocale,(0,1)),(L.textdomain,(1,)),(L.dgettext,(1,'a')),(L.bindtextdomain,('a',1))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
