print('pkg/__init__ running, __name__ =', __name__, '__package__ =', __package__)
PKG_CONST = 'from pkg'
from .sub import sub_func
