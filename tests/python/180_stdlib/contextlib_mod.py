import contextlib, io, sys
@contextlib.contextmanager
def tag(n):
    print(f'<{n}>')
    yield n.upper()
    print(f'</{n}>')
with tag('b') as t:
    print('inside', t)
with contextlib.suppress(KeyError):
    {}['x']
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured')
print(repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print('to err', file=sys.stderr)
print(repr(err.getvalue()))
with contextlib.ExitStack() as stack:
    for n in ['x', 'y']:
        stack.enter_context(tag(n))
    stack.callback(print, 'callback ran')
    print('stack body')
class Res:
    def close(self): print('closed resource')
with contextlib.closing(Res()):
    print('using')
with contextlib.nullcontext('value') as v:
    print(v)
@contextlib.contextmanager
def handles():
    try:
        yield
    except ValueError as e:
        print('handled', e)
with handles():
    raise ValueError('inner')
print('after')
class CD(contextlib.ContextDecorator):
    def __enter__(self): print('enter cd'); return self
    def __exit__(self, *a): print('exit cd'); return False
@CD()
def decorated(): print('in decorated')
decorated()
async def agen_cm():
    pass
@contextlib.asynccontextmanager
async def acm():
    yield 'async value'
async def use():
    async with acm() as v:
        return v
c = use()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
