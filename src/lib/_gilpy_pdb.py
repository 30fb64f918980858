"""gilpy's additions to CPython's pdb, applied when pdb is imported (pdb.py
itself is CPython's, unchanged; runtime/import.cpp calls _extend).

Since threads are what gilpy is about, pdb gets two commands:

threads     every thread: its number, name, where it is, and where it stands
            with the GIL (holds it, waits for it, or released it in a
            blocking call such as sleep, lock, queue or socket). '>' marks
            the thread being debugged, '*' the one being inspected.
thread N    inspect thread N's frames (where, up, down, p, list ... then act
            on them); `thread` alone comes back to the debugged thread.
            Stepping commands always act on the debugged thread.
"""
import sys
import threading


def _threads():
    """(ident, thread name, frame) of every Python thread, in the order they
    started (threading.enumerate's), then any threading does not know."""
    frames = sys._current_frames()
    known = [(t.ident, t.name) for t in threading.enumerate() if t.ident in frames]
    seen = {ident for ident, _ in known}
    known += [(i, "(unnamed)") for i in sorted(frames) if i not in seen]
    return [(i, name, frames[i]) for i, name in known]


def _where(frame):
    if frame is None:
        return "(no Python frame)"
    return "%s:%d in %s()" % (frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name)


def do_threads(self, arg):
    """threads
        List every thread with its number, name and current location, and
        where it stands with the GIL: holds it, waits for it, or released
        it while blocked in a call (sleep, lock, join, queue, file, socket,
        select, process, input). '>' marks the thread being debugged, '*'
        the one whose frames `thread N` selected.
    """
    import gil
    states = gil.thread_states()
    home = threading.get_ident()
    shown = getattr(self, "_gilpy_inspected", None) or home
    for number, (ident, name, frame) in enumerate(_threads()):
        state, call = states.get(ident, ("unknown", None))
        if ident == home:
            # The debugged thread waits in pdb's prompt; it held the GIL when it stopped.
            state, call = "stopped in pdb", None
        gil_text = {"holds": "holds the GIL", "waiting": "waits for the GIL"}.get(state, state)
        if state == "released":
            gil_text = "released the GIL in %s" % (call or "a blocking call")
        mark = (">" if ident == home else " ") + ("*" if ident == shown and shown != home else " ")
        if ident == home:
            frame = self.curframe if shown == home else self._gilpy_home_frame
        self.message("%s %d %s (ident %d) %s: %s" % (mark, number, name, ident, gil_text, _where(frame)))


def do_thread(self, arg):
    """thread [N]
        Inspect thread N (its number in `threads`): where, up, down, p and
        list then show its frames. Without N, return to the thread being
        debugged. Stepping commands always act on the debugged thread.
    """
    home = threading.get_ident()
    if not hasattr(self, "_gilpy_home_frame") or getattr(self, "_gilpy_inspected", None) in (None, home):
        self._gilpy_home_frame = self.curframe
    arg = arg.strip()
    if not arg:
        self._gilpy_inspected = None
        self.setup(self._gilpy_home_frame, None)
        self.print_stack_entry(self.stack[self.curindex])
        return
    try:
        number = int(arg)
        ident, name, frame = _threads()[number]
    except (ValueError, IndexError):
        self.error("no thread %r (see `threads`)" % arg)
        return
    if ident == home:
        return self.do_thread("")
    if frame is None:
        self.error("thread %d has no Python frame" % number)
        return
    self._gilpy_inspected = ident
    self.setup(frame, None)
    self.message("inspecting thread %d (%s)" % (number, name))
    self.print_stack_entry(self.stack[self.curindex])


def _extend(pdb):
    pdb.Pdb.do_threads = do_threads
    pdb.Pdb.do_thread = do_thread
