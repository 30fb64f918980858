class Both:
    def __repr__(self): return 'Both-repr'
    def __str__(self): return 'Both-str'
class OnlyRepr:
    def __repr__(self): return 'OnlyRepr-repr'
class Fmt:
    def __format__(self, spec): return f'Fmt<{spec}>'
for o in [Both(), OnlyRepr()]:
    print(str(o), repr(o), f'{o}', f'{o!r}', '%s %r' % (o, o), [o], (o,), {'k': o}, format(o))
print(format(Fmt(), 'abc'), f'{Fmt():xyz}', '{:q}'.format(Fmt()))
try:
    format(OnlyRepr(), 'x')
except TypeError as e:
    print(e)
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
class MyInt(int):
    def __repr__(self): return f'MyInt({int(self)})'
print(MyInt(3), str(MyInt(3)), [MyInt(4)], f'{MyInt(5)}', MyInt(2) + 1)
class Bytesy:
    def __bytes__(self): return b'custom bytes'
print(bytes(Bytesy()))
