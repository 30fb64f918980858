print(b'%d-%s-%r' % (1, b'two', 'three'), b'%05.1f' % 3.14159, b'%x %c %c' % (255, 65, b'B'))
print(b'abc'.ljust(6, b'.'), b'abc'.rjust(6), b'a\tb'.expandtabs(4), b'ab cd'.title(), b'AbC'.swapcase())
print(b'a,b,c'.split(b',', 1), b'a,b,c'.rsplit(b',', 1), b'x\ny\r\n'.splitlines(), b'  pad '.lstrip(), b'abc'.translate(None, b'b'))
tbl = bytes.maketrans(b'abc', b'xyz')
print(b'aabbcc'.translate(tbl), b'hello'.removeprefix(b'he'), b'hello'.index(b'l'), b'abc'.isalnum(), b'Ab'.istitle())
try:
    b'%s' % 'str'
except TypeError as e:
    print(e)
