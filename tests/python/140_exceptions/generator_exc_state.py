# A generator suspended in an except block and resumed elsewhere restores its new caller's exception state
import sys
def g():
    try:
        raise ValueError
    except ValueError:
        yield 1
    print(sys.exc_info()[0])
    yield 2
gen = g()
try:
    raise IndexError
except IndexError:
    print(next(gen))
print(next(gen))

def h():
    print('in h', sys.exc_info()[0])
    try:
        raise KeyError
    except KeyError:
        yield 1
        print('after resume', sys.exc_info()[0])
    print('end', sys.exc_info()[0])
    yield 2
gen = h()
next(gen)
try:
    raise TypeError
except TypeError:
    next(gen)
    print('caller', sys.exc_info()[0])
print('outside', sys.exc_info()[0])

def inner():
    try:
        raise OSError
    except OSError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
try:
    raise RuntimeError
except RuntimeError:
    it = inner()
    print(next(it))
    print(next(it))
    print(sys.exc_info()[0])

async def co():
    try:
        raise ZeroDivisionError
    except ZeroDivisionError:
        pass
    return sys.exc_info()[0]
try:
    raise NameError
except NameError:
    c = co()
    try:
        c.send(None)
    except StopIteration as e:
        print(e.value)

# The exception thrown into a generator is its own even when it is the very
# object its caller is handling.
def store_raise():
    try:
        print('start', sys.exc_info()[0])
        yield
    except Exception as exc:
        print('thrown', sys.exc_info()[0].__name__, exc.__context__)
        yield
        print('kept', sys.exc_info()[0].__name__)
        yield
        raise


make = store_raise()
next(make)
try:
    raise ValueError()
except Exception as exc:
    try:
        make.throw(exc)
    except Exception:
        pass
next(make)
try:
    next(make)
except ValueError as e:
    print('reraised', type(e).__name__, e.__context__)
print(sys.exc_info())
