def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught inside', e)
        yield 'recovered'
    finally:
        print('cleanup')
it = g()
print(next(it), it.throw(ValueError('boom')))
try:
    next(it)
except StopIteration:
    print('done')
it = g(); next(it)
it.close()
print('closed', it.gi_frame)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'no'
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
it = g()
try:
    it.throw(KeyError('before start'))
except KeyError as e:
    print('KeyError', e)
def plain():
    yield 1
p = plain()
next(p)
try:
    p.throw(TypeError, 'legacy')
except TypeError as e:
    print('TypeError', e)
print(next(p, 'exhausted after throw'))
