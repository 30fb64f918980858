from pkg.starmod import *
print(exported, also)
try:
    not_listed
except NameError as e:
    print(e)
from _nostar import *
print(public, func())
try:
    _underscored
except NameError as e:
    print(e)
import _nostar
print(_nostar._underscored)
