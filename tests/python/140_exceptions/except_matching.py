errs = (KeyError, IndexError)
for exc in [KeyError('k'), IndexError('i'), ValueError('v')]:
    try:
        try:
            raise exc
        except errs as e:
            print('tuple-var matched', repr(e))
    except ValueError as e:
        print('outer', repr(e))
try:
    raise KeyError('sub')
except LookupError as e:
    print('base class matched', type(e).__name__)
try:
    try:
        raise ValueError
    except 'not a class':
        pass
except TypeError as e:
    print('TypeError', e)
try:
    raise SystemExit(5)
except BaseException as e:
    print('SystemExit caught via BaseException', e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print('not here')
except BaseException as e:
    print('KeyboardInterrupt is not an Exception', type(e).__name__)
