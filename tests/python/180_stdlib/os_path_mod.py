import os.path as p
for path in ['/usr/lib/python3.11/os.py', 'rel/dir/', 'file.tar.gz', '/', '', '.hidden', 'a/b/../c/./d', '//double//slash']:
    print(repr(path), p.basename(path), p.dirname(path), p.split(path), p.splitext(path), p.normpath(path) if path else '', p.isabs(path))
print(p.join('a', 'b', 'c'), p.join('a', '/abs', 'c'), p.join('a/', 'b'), p.join('', 'x'))
print(p.commonprefix(['/usr/lib', '/usr/local']), p.commonpath(['/usr/lib', '/usr/local']), p.relpath('/a/b/c', '/a/d'))
print(p.expanduser('~nonexistentuserxyz/x'), p.normcase('ABC'), p.splitdrive('/x/y'), p.exists('/'), p.exists('/no/such/path'))
print(p.isdir('/'), p.isfile('/'), p.islink('/'), p.abspath('/a/../b'), p.realpath('/') == '/')
