class AppError(Exception):
    """Base for the app."""
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f'{what} not found')
        self.what = what
class Invalid(AppError, ValueError):
    pass
def lookup(k):
    if k == 'missing': raise NotFound(k)
    if k == 'bad': raise Invalid('bad key', k)
    return k
for k in ['ok', 'missing', 'bad']:
    try:
        print(lookup(k))
    except NotFound as e:
        print('NotFound:', e, e.what)
    except ValueError as e:
        print('ValueError:', e, e.args, isinstance(e, AppError))
print([c.__name__ for c in Invalid.__mro__])
class Silent(Exception):
    def __init__(self): pass
s = Silent()
print(s.args, str(s), repr(s))
class NoArgs(Exception): pass
print(repr(NoArgs()), repr(NoArgs(1, 'two')))
try:
    raise NotFound
except TypeError as e:
    print('TypeError', e)
try:
    raise 42
except TypeError as e:
    print('TypeError', e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print('TypeError', e)
