def run(x):
    try:
        print(' try', x)
        r = 10 / x
    except ZeroDivisionError as e:
        print(' except', e)
        return 'from except'
    else:
        print(' else', r)
        return 'from else'
    finally:
        print(' finally')
print(run(2)); print(run(0))
def multi(v):
    try:
        v()
    except (KeyError, IndexError) as e:
        return 'lookup ' + type(e).__name__
    except TypeError:
        return 'type'
    except Exception as e:
        return 'other ' + type(e).__name__
print(multi(lambda: {}['x']), multi(lambda: [][1]), multi(lambda: len()), multi(lambda: int('x')))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    pass
except Exception:
    print('no')
else:
    print('else without exception')
def name_cleared():
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    try:
        err
    except NameError as e:
        print('err unbound after except:', e)
name_cleared()
