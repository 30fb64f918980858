import traceback, sys
def inner():
    return 1 / 0
def outer():
    return inner()
try:
    outer()
except ZeroDivisionError:
    print(traceback.format_exc())
    et, ev, tb = sys.exc_info()
    print(traceback.format_exception_only(et, ev))
    print([(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(tb)])
try:
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('wrapped') from e
except ValueError as e:
    print(''.join(traceback.format_exception(e)))
def show_stack():
    return [f.name for f in traceback.extract_stack()][-2:]
print(show_stack())
te = traceback.TracebackException.from_exception(RuntimeError('standalone'))
print(list(te.format()))
print(traceback.format_exception_only(SyntaxError('bad syntax', ('f.py', 3, 5, 'x = (1 +\n', 3, 9))))
