# str.__format__ with an empty spec is str(self) for subclasses; printf '*'
# widths and precisions overflow as CPython; huge numeric keys in format fields;
# the builtin iterator types cannot be instantiated directly.
import sys


class S(str):
    def __str__(self):
        return '__str__ overridden'


s = S('xxx')
print('%s' % s, '{}'.format(s), f'{s}', format(s), format(s, '>5'))
for f, a in [('%*s', (sys.maxsize + 1, '')), ('%.*f', (2**31, 1.0)), ('%*s', (-3, 'x'))]:
    try:
        print(repr(f % a))
    except Exception as e:
        print(type(e).__name__, e)
for text, args in [('{[' + '9' * 30 + ']}', ([0],)), ('{' + '9' * 30 + '}', ()), ('{[1]}', ([5, 6],))]:
    try:
        print(text.format(*args))
    except Exception as e:
        print(type(e).__name__, e)
for o in ['', [], (), {}, b'', range(3), set(), {}.items(), reversed([])]:  # (gilpy has no separate str_iterator for non-ASCII text)
    t = type(iter(o))
    try:
        t()
    except TypeError as e:
        print(e)
