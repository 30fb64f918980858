import pkg.circ_a as a
import pkg.circ_b as b
print(a.A_EARLY, a.A_LATE, b.B_SEES)
print(b.B_ERROR)
