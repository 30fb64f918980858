import linecache, os
here = os.path.abspath(__file__)
print(repr(linecache.getline(here, 1)), repr(linecache.getline(here, 9999)), repr(linecache.getline('/no/such/file.py', 1)))
print(len(linecache.getlines(here)) > 3)
linecache.clearcache()
print(repr(linecache.getline(here, 2)))
