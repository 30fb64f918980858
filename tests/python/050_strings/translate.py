table = str.maketrans('abc', 'xyz')
print('aabbcc'.translate(table), table)
t2 = str.maketrans({'a': '1', 'b': None, 'c': 'CC'})
print('abcabc'.translate(t2))
t3 = str.maketrans('ab', 'AB', 'c')
print('abcabc'.translate(t3))
print('hello'.translate({ord('l'): 'L'}), 'hello'.translate({104: None}))
print(str.maketrans('', '', 'xyz'))
try:
    str.maketrans('ab', 'c')
except ValueError as e:
    print(e)
