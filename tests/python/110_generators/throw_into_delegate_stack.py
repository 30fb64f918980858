# Throwing into a generator delegating with `yield from`: the delegate's caller frame is the delegating one.
import sys
def names(frame):
    out = []
    while frame and frame.f_code.co_name not in ('main', '<module>'):
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out
def f():
    print('f start', names(sys._getframe()))
    try:
        yield
    except Exception as e:
        print('f caught', type(e).__name__, names(sys._getframe()))
    print('f end', names(sys._getframe()))
def g():
    yield from f()
    print('g end', names(sys._getframe()))
def main():
    gen = g(); gen.send(None)
    try: gen.throw(RuntimeError)
    except StopIteration: print('stopped')
    gen = g(); gen.send(None)
    try: gen.send(None)
    except StopIteration: print('stopped')
main()
