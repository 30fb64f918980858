from . import circ_a
B_SEES = circ_a.A_EARLY
try:
    from .circ_a import A_LATE
except ImportError as e:
    B_ERROR = str(e)
