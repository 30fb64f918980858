A_EARLY = 'a early'
from . import circ_b
A_LATE = 'a late'
