from contextlib import contextmanager, suppress
@contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name
    except ValueError as e:
        print('caught in cm', e)
    finally:
        print('</' + name + '>')
with tag('a'):
    raise ValueError('inside a')
print('continued')
try:
    with tag('b'):
        raise KeyError('propagates')
except KeyError as e:
    print('outer', e)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
class Exit:
    def __enter__(self): return self
    def __exit__(self, *args):
        raise RuntimeError('from __exit__')
try:
    with Exit():
        raise ValueError('body')
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
class EnterFails:
    def __enter__(self): raise OSError('enter failed')
    def __exit__(self, *a): print('never'); return True
try:
    with EnterFails():
        pass
except OSError as e:
    print(e)
