# atexit: LIFO order at exit, arguments, unregister, and errors reported as
# "Exception ignored in atexit callback".
import atexit, sys

def say(*args, **kw):
    print('exit:', *args, *sorted(kw.items()))

class Boom:
    def __repr__(self):
        return '<Boom callback>'
    def __call__(self):
        raise ValueError('boom at exit')

atexit.register(say, 'first')
atexit.register(Boom())
r = atexit.register(say, 'second', key=1)
print(r is say, atexit._ncallbacks())
def gone():
    print('never printed')
atexit.register(gone)
atexit.register(gone)
print(atexit._ncallbacks())
atexit.unregister(gone)
print(atexit._ncallbacks())
try:
    atexit.register(5)
except TypeError as e:
    print('TypeError', e)

def nested():
    print('nested registers another')
    atexit.register(say, 'registered during exit')
atexit.register(nested)
atexit.register(sys.stdout.flush)
print('main done')
