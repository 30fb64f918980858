this first line is not Python (-x skips it)
print("second line")
import sys
print(sys._getframe().f_lineno)
