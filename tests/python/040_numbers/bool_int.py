print(True + 1, True * 3.5, False ** 0, -True, ~True, ~False, True / 2, True // 1)
print(True == 1, False == 0, hash(True) == hash(1))
print(bool(1), bool(-1), bool(0.0), bool(0j), bool(1e-300), bool('0'), bool(' '), bool([[]]), bool({}))
print(str(True), repr(False), f'{True}', f'{True:d}', f'{True:>6}|', int('1') == True)
d = {1: 'one'}
d[True] = 'true'
print(d)
print(sum([True, True, False, True]), max(False, True), sorted([True, False, 2, 0.5]))
print(type(True + True).__name__, type(True & True).__name__, isinstance(False, int))
try:
    bool.__new__(bool, 1) is True
    class B(bool): pass
except TypeError as e:
    print('TypeError', e)
