"""gilpy's view of its global interpreter lock.

The switch interval is the one `sys.setswitchinterval` sets. The switch mode
says where a running thread may be made to give the GIL up:

* ``"safepoints"`` (the default): at function entry, backward jumps and after
  calls, as in CPython 3.10+. ``n += 1`` on a global is then effectively
  atomic, while ``n = n + f()`` with a Python function ``f`` is not.
* ``"every"``: between any two bytecodes (``-X switch=every``), for
  reproducing races. A new mode applies to frames entered after the change.
"""

import sys as _sys

import _gil

__all__ = ["get_switch_mode", "set_switch_mode", "getswitchinterval", "setswitchinterval", "counters"]

get_switch_mode = _gil.get_switch_mode
set_switch_mode = _gil.set_switch_mode
getswitchinterval = _sys.getswitchinterval
setswitchinterval = _sys.setswitchinterval


def counters():
    """GIL hand-overs since start-up: a dict with 'switches' (times the GIL
    changed hands), 'forced_switches' (drops made because a waiter asked),
    'drop_requests' and 'threads' (threads running Python now)."""
    return _gil.counters()
