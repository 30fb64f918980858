import sys
for arg in [(), (0,), (3,), ('message',), (None,), ((1, 2),)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(arg, repr(e.code), e.args)
try:
    exit(4)
except SystemExit as e:
    print('builtin exit', e.code)
try:
    quit()
except SystemExit as e:
    print('quit', e.code)
try:
    raise SystemExit('direct')
except SystemExit as e:
    print(e.code, isinstance(e, Exception), isinstance(e, BaseException))
print('still running')
