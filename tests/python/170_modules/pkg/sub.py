print('pkg.sub imported')
def sub_func():
    return 'sub_func result'
from . import PKG_CONST as _c
SEEN_CONST = _c
