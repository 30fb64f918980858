def ret_in_finally():
    try:
        return 'try'
    finally:
        return 'finally'
print(ret_in_finally())
def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'finally swallowed exception'
print(swallow())
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def order():
    log = []
    try:
        try:
            log.append('try')
            raise ValueError
        finally:
            log.append('inner finally')
    except ValueError:
        log.append('except')
    finally:
        log.append('outer finally')
    return log
print(order())
def exc_in_finally():
    try:
        try:
            raise ValueError('original')
        finally:
            raise KeyError('from finally')
    except KeyError as e:
        return repr(e), repr(e.__context__)
print(exc_in_finally())
def finally_value():
    x = 1
    try:
        return x
    finally:
        x = 2
print(finally_value())
