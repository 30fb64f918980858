from ..sub import sub_func
from .. import PKG_CONST
def deep_func():
    return 'deep_func -> ' + sub_func() + ' / ' + PKG_CONST
