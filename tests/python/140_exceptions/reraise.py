def f():
    try:
        1 / 0
    except ZeroDivisionError:
        print('handling, then re-raise')
        raise
try:
    f()
except ZeroDivisionError as e:
    print('outer got', e)
try:
    raise
except RuntimeError as e:
    print('bare raise outside handler:', e)
def g():
    try:
        raise ValueError('v')
    except ValueError as e:
        err = e
    raise err
try:
    g()
except ValueError as e:
    print('raised stored', e)
def nested():
    try:
        raise KeyError('outer')
    except KeyError:
        try:
            raise ValueError('inner')
        except ValueError:
            pass
        raise
try:
    nested()
except KeyError as e:
    print('re-raised the right one:', repr(e))
