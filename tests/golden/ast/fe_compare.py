a < b
a < b <= c > d >= e == f != g
a is b is not c
a in b not in c
not a == b
