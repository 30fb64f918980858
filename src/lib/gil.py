"""gilpy's view of its global interpreter lock.

Settings. The switch interval is the one `sys.setswitchinterval` sets. The switch mode says where a
running thread may be made to give the GIL up:

* ``"safepoints"`` (the default): at function entry, backward jumps and after calls, as in CPython
  3.10+. ``n += 1`` on a global is then effectively atomic, while ``n = n + f()`` with a Python
  function ``f`` is not.
* ``"every"``: between any two bytecodes (``-X switch=every``), for reproducing races. A new mode
  applies to frames entered after the change.

Recording. The GIL can record what it did (who held it, who waited and for how long, what each
thread blocked in): ``-X gilstats`` prints a summary at exit, ``-X giltrace=FILE`` writes a Chrome
trace-event JSON file, ``-X gilreport=FILE`` a self-contained HTML report. From Python::

    with gil.record() as rec:
        run_the_threads()
    rec.print_summary()           # the same summary as -X gilstats, for the block
    rec.write_trace("out.json")
    rec.write_report("out.html")
    rec.stats()                   # the figures as a dict

``gil.stats()`` gives the figures since recording started (recording must be on).
"""

import sys as _sys

import _gil

__all__ = ["get_switch_mode", "set_switch_mode", "getswitchinterval", "setswitchinterval", "counters",
           "stats", "record", "Recording", "is_recording", "max_events", "set_max_events", "clear",
           "settrace_all_threads", "setprofile_all_threads", "thread_states"]

get_switch_mode = _gil.get_switch_mode
set_switch_mode = _gil.set_switch_mode
getswitchinterval = _sys.getswitchinterval
setswitchinterval = _sys.setswitchinterval
is_recording = _gil.is_recording
# The recording's memory is bounded: past max_events() events (16 bytes each)
# new ones are counted as dropped, and every output says so.
max_events = _gil.max_events
set_max_events = _gil.set_max_events
clear = _gil.clear_events   # forget the events recorded so far


def thread_states():
    """Where each thread stands with the GIL now: {thread ident: (state, call)}
    with state "holds" (the calling thread), "waiting" (for the GIL) or
    "released" (call then names the blocking call it waits in: "sleep",
    "lock", "join", "queue", "file", "socket", "select", "process", "input" or
    "other")."""
    kinds = _gil.BLOCK_KINDS
    return {ident: (state, None if call is None else kinds[call])
            for ident, (state, call) in _gil.thread_states().items()}


def settrace_all_threads(func):
    """Set func as the trace function (sys.settrace) of every thread: the
    running ones, from their next safe point on, and those started later
    (threading.settrace). None removes it. CPython 3.12's
    threading.settrace_all_threads, for debugging threaded programs."""
    import threading
    threading.settrace(func)
    _gil.settrace_all_threads(func)


def setprofile_all_threads(func):
    """The same for the profile function (sys.setprofile)."""
    import threading
    threading.setprofile(func)
    _gil.setprofile_all_threads(func)


def counters():
    """GIL hand-overs since start-up: a dict with 'switches' (times the GIL
    changed hands), 'forced_switches' (drops made because a waiter asked),
    'drop_requests' and 'threads' (threads running Python now)."""
    return _gil.counters()


def stats():
    """The statistics of everything recorded so far, as a dict (see Recording.stats)."""
    if not _gil.is_recording():
        raise RuntimeError("the GIL is not being recorded: run with -X gilstats, or use gil.record()")
    import _gilstats
    return _gilstats.as_dict(_gilstats.analyze())


class Recording:
    """A recorded stretch of the program (what ``gil.record()`` returns)."""

    def __init__(self):
        self.start = None
        self.end = None
        self._started_here = False
        self._analysis = None

    def __enter__(self):
        self._started_here = not _gil.is_recording()
        if self._started_here:
            _gil.start_recording()
        self.start = _gil.now()
        return self

    def __exit__(self, *exc):
        self.end = _gil.now()
        if self._started_here:
            _gil.stop_recording()
        return False

    def _a(self):
        if self.start is None:
            raise RuntimeError("the recording has not started")
        import _gilstats
        if self.end is None:
            return _gilstats.analyze(start=self.start)
        if self._analysis is None:
            self._analysis = _gilstats.analyze(start=self.start, end=self.end)
        return self._analysis

    def stats(self):
        """Per-thread and overall figures and the verdict, as a dict."""
        import _gilstats
        return _gilstats.as_dict(self._a())

    def summary(self):
        """The text summary (the same layout as -X gilstats)."""
        import _gilstats
        return _gilstats.summary(self._a())

    def print_summary(self, file=None):
        print(self.summary(), end="", file=file if file is not None else _sys.stderr)

    def write_trace(self, path):
        """Write the Chrome trace-event JSON (Perfetto, chrome://tracing)."""
        import _giltrace
        _giltrace.write(path, self._a())

    def write_report(self, path):
        """Write the self-contained HTML report."""
        import _gilreport
        _gilreport.write(path, self._a())


def record():
    """A context manager that records the GIL during its block: ``with gil.record() as rec: ...``."""
    return Recording()


def _report_at_exit(show_stats, trace_path, report_path):
    # Called by the runtime at exit when -X gilstats/giltrace/gilreport was given.
    import _gilstats
    _gil.stop_recording()
    a = _gilstats.analyze()
    if trace_path:
        import _giltrace
        _giltrace.write(trace_path, a)
    if report_path:
        import _gilreport
        _gilreport.write(report_path, a)
    if show_stats:
        _sys.stderr.write(_gilstats.summary(a))
        _sys.stderr.flush()
