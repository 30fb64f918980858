# Finalization is explicit here (close()): when an abandoned generator is collected differs
# between a refcounting and a tracing collector, so tests never depend on it.
def g():
    try:
        for i in range(3):
            yield i
    finally:
        print('finally runs')
it = g()
for x in it:
    if x == 1:
        break
print('after break')
it.close()
print('after close')
it.close()
print('second close is a no-op')
def with_ctx():
    class CM:
        def __enter__(self): print('enter'); return self
        def __exit__(self, *a): print('exit', a[0]); return False
    with CM():
        yield 'inside'
w = with_ctx()
print(next(w))
w.close()
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
c = catches_exit(); next(c); c.close()
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 'ignored value'
r = returns_on_exit(); next(r); print(r.close())
