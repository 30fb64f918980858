public = 'public'
_underscored = 'not exported by *'
def func():
    return 'func'
