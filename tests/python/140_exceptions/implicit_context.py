try:
    try:
        raise ValueError('first')
    except ValueError:
        raise KeyError('second')
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError('a')
    finally:
        raise TypeError('b')
except TypeError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise ValueError('inner')
    except ValueError as v:
        raise v
except ValueError as e:
    print(repr(e), e.__context__)
e1 = ValueError('loop')
try:
    try:
        raise e1
    except ValueError:
        raise e1
except ValueError as e:
    print(e.__context__)
def handler():
    try:
        raise IndexError('during')
    except IndexError:
        return sys_exc()
import sys
def sys_exc():
    return repr(sys.exc_info()[1]), repr(sys.exception())
print(handler(), sys.exc_info(), sys.exception())
