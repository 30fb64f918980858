# The readline module's non-interactive functions: history, history files,
# completer settings, key bindings, argument errors.
import os
import readline
import tempfile

def attempt(label, f, *args):
    try:
        print(label, "->", repr(f(*args)))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print(readline.__doc__)
print(sorted(n for n in dir(readline) if not n.startswith("__")))
print(type(readline._READLINE_VERSION).__name__, type(readline._READLINE_RUNTIME_VERSION).__name__,
      type(readline._READLINE_LIBRARY_VERSION).__name__,
      readline._READLINE_VERSION == readline._READLINE_RUNTIME_VERSION)

# history in memory: get_history_item is one-based, remove/replace zero-based
readline.clear_history()
print(readline.get_current_history_length(), readline.get_history_item(1))
for line in ["first line", "second line", "third line", "entrée 4"]:
    readline.add_history(line)
print(readline.get_current_history_length(),
      [readline.get_history_item(i) for i in range(0, 6)])
readline.replace_history_item(0, "replaced first")
readline.remove_history_item(1)
print(readline.get_current_history_length(),
      [readline.get_history_item(i) for i in range(1, 4)])
attempt("remove -1", readline.remove_history_item, -1)
attempt("remove 10", readline.remove_history_item, 10)
attempt("replace -1", readline.replace_history_item, -1, "x")
attempt("replace 10", readline.replace_history_item, 10, "x")
attempt("replace int", readline.replace_history_item, 0, 5)
attempt("add int", readline.add_history, 5)
attempt("add NUL", readline.add_history, "a\0b")
attempt("get str", readline.get_history_item, "1")
attempt("get huge", readline.get_history_item, 2**70)
attempt("get -1", readline.get_history_item, -1)
attempt("add none", readline.add_history)
attempt("remove none", readline.remove_history_item)
attempt("replace one", readline.replace_history_item, 1)
attempt("clear arg", readline.clear_history, 1)
attempt("add kw", lambda: readline.add_history(string="x"))

# history length (the file truncation limit) is separate from the list's length
print(readline.get_history_length())
readline.set_history_length(2)
print(readline.get_history_length())
attempt("set_history_length str", readline.set_history_length, "2")

# history files: write, clear, read, append; truncation to set_history_length
with tempfile.TemporaryDirectory() as d:
    fn = os.path.join(d, "hist")
    readline.clear_history()
    for line in ["one", "two", "three"]:
        readline.add_history(line)
    readline.set_history_length(-1)
    readline.write_history_file(fn)
    with open(fn, encoding="utf-8") as f:
        print("written:", f.read().splitlines())
    readline.clear_history()
    readline.read_history_file(fn)
    print("read:", readline.get_current_history_length(), readline.get_history_item(3))
    readline.add_history("four")
    readline.append_history_file(1, fn)
    with open(fn, encoding="utf-8") as f:
        print("appended:", f.read().splitlines())
    readline.set_history_length(2)
    readline.append_history_file(2, fn)
    with open(fn, encoding="utf-8") as f:
        print("appended, truncated to 2:", f.read().splitlines())
    readline.write_history_file(fn)
    with open(fn, encoding="utf-8") as f:
        print("written, truncated to 2:", f.read().splitlines())
    readline.set_history_length(-1)
    readline.clear_history()
    readline.read_history_file(fn.encode())  # bytes path
    print("read bytes path:", [readline.get_history_item(i) for i in (1, 2)])
    os.unlink(fn)
    attempt("append missing", readline.append_history_file, 1, fn)
    attempt("read missing", readline.read_history_file, fn)
    attempt("write bad dir", readline.write_history_file, os.path.join(d, "no", "such"))
    attempt("read int", readline.read_history_file, 5)
    attempt("read NUL", readline.read_history_file, "a\0b")
    attempt("read kw", lambda: readline.read_history_file(filename=fn))
    attempt("append none", readline.append_history_file)
    attempt("append float", readline.append_history_file, 1.5, fn)
    # a non-ASCII line survives the round trip
    readline.clear_history()
    readline.add_history("naïve café")
    readline.write_history_file(fn)
    readline.clear_history()
    readline.read_history_file(fn)
    print("non-ascii:", readline.get_history_item(1))
    # an init file and a missing one
    rc = os.path.join(d, "inputrc")
    with open(rc, "w") as f:
        f.write("set bell-style none\n")
    attempt("read_init_file", readline.read_init_file, rc)
    attempt("read_init_file missing", readline.read_init_file, os.path.join(d, "missing"))
readline.clear_history()
print("cleared:", readline.get_current_history_length())

# completer settings
print(repr(readline.get_completer_delims()))
readline.set_completer_delims(" \t\n.")
print(repr(readline.get_completer_delims()))
attempt("delims int", readline.set_completer_delims, 5)
attempt("delims NUL", readline.set_completer_delims, "a\0b")
print(readline.get_completer())
def completer(text, state):
    return None
readline.set_completer(completer)
print(readline.get_completer() is completer)
readline.set_completer()
print(readline.get_completer())
attempt("set_completer int", readline.set_completer, 5)
attempt("set_completer two", readline.set_completer, None, None)
attempt("startup int", readline.set_startup_hook, 5)
attempt("pre_input int", readline.set_pre_input_hook, 5)
attempt("display int", readline.set_completion_display_matches_hook, 5)
readline.set_startup_hook(lambda: None)
readline.set_startup_hook()
readline.set_pre_input_hook(None)
readline.set_completion_display_matches_hook(lambda *a: None)
readline.set_completion_display_matches_hook(None)
print(readline.get_begidx(), readline.get_endidx(), readline.get_completion_type())
attempt("begidx arg", readline.get_begidx, 1)
print(repr(readline.get_line_buffer()))

# key bindings that change nothing visible here
readline.parse_and_bind("tab: complete")
readline.parse_and_bind("set bell-style none")
readline.parse_and_bind(r'"\C-xq": "quit"')
attempt("bind int", readline.parse_and_bind, 5)
attempt("bind NUL", readline.parse_and_bind, "a\0b")
readline.set_auto_history(False)
readline.set_auto_history(True)
attempt("auto none", readline.set_auto_history)

import rlcompleter
c = rlcompleter.Completer({"spam": 1, "spammer": 2})
print([c.complete("spa", i) for i in range(3)])
