"""The interactive prompt's readline set-up, gilpy's version of site.py's.

CPython's site.py installs sys.__interactivehook__ (a register_readline
function defined inside site.enablerlcompleter),
which turns on tab completion and keeps the history in ~/.python_history.
gilpy runs site.py unchanged, and when that hook is still the one installed
at the first prompt, runs this one instead: the same set-up, but the history
lives in ~/.gilpy_history, so gilpy's sessions and CPython's do not write
over each other's history (and a line only one of them accepts is not
recalled in the other). A hook the program or PYTHONSTARTUP installed
itself runs as it is.
"""
import os
import sys

HISTORY_NAME = ".gilpy_history"


def history_path():
    return os.path.join(os.path.expanduser("~"), HISTORY_NAME)


def register_readline():
    import atexit
    try:
        import readline
        import rlcompleter  # noqa: F401  (sets readline's completer)
    except ImportError:
        return
    doc = getattr(readline, "__doc__", "") or ""
    if "libedit" in doc:
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")
    try:
        readline.read_init_file()
    except OSError:
        pass
    if readline.get_current_history_length() == 0:
        history = history_path()
        try:
            readline.read_history_file(history)
        except OSError:
            pass

        def write_history():
            try:
                readline.write_history_file(history)
            except OSError:
                pass

        atexit.register(write_history)


def interactive_hook():
    """The hook to run before the first prompt (site.py's is replaced)."""
    hook = getattr(sys, "__interactivehook__", None)
    # site.enablerlcompleter() installs a function defined inside it.
    if (getattr(hook, "__module__", None) == "site"
            and getattr(hook, "__qualname__", "") == "enablerlcompleter.<locals>.register_readline"):
        return register_readline
    return hook
