def low():
    raise KeyError('low')
def high():
    try:
        low()
    except KeyError as e:
        raise RuntimeError('high') from e
try:
    high()
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('no chain') from None
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    raise TypeError('with cause') from ValueError('the cause')
except TypeError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise TypeError from KeyError
except TypeError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise TypeError('x') from 5
except TypeError as e:
    print(e)
