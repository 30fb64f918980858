s = 'héllo'
for i, c in enumerate(s):
    print(i, c, ord(c))
it = iter('ab')
print(next(it), next(it), next(it, 'done'))
print(list(map(str.upper, 'abc')), [c * 2 for c in 'xyz'], set('aab') == {'a', 'b'}, dict.fromkeys('ab'))
print(list(zip('abc', 'xy')), ''.join(sorted(set('mississippi'))), 'mississippi'.count('ss'))
