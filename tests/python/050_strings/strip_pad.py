s = '  \t xxhixx \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('xxhixx'.strip('x')), repr('abcba'.strip('ab')))
print(repr('hi'.center(10)), repr('hi'.center(9, '*')), repr('hi'.ljust(6, '.')), repr('hi'.rjust(6)), repr('hi'.center(1)))
print('42'.zfill(5), '-42'.zfill(6), '+7'.zfill(4), 'abc'.zfill(2), ''.zfill(3))
print(repr('a\tb\tc'.expandtabs()), repr('a\tbc\td'.expandtabs(4)), repr('\t'.expandtabs(0)))
