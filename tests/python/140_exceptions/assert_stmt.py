try:
    assert 1 == 2
except AssertionError as e:
    print('1', repr(e), e.args)
try:
    assert False, 'with message'
except AssertionError as e:
    print('2', e)
try:
    assert [], ['non-str', 'msg']
except AssertionError as e:
    print('3', e.args)
assert True, 'never'
x = 5
try:
    assert x < 0, f'x is {x}'
except AssertionError as e:
    print('4', e)
print(__debug__)
