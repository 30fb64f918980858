// readline: CPython's readline module on GNU readline (Debian's libreadline):
// history, key bindings, completion through a Python completer, and the line
// reader that input() and the interactive prompt use on a terminal once the
// module is imported (g_line_reader; site.py imports it for the prompt).
//
// Reading a line uses readline's callback interface: the GIL is released only
// while poll() waits for a key (in 100 ms slices that look for signals); each key is then fed to readline with the GIL
// held, so completers and hooks run Python directly. A signal interrupts the
// poll (gilpy's handlers have no SA_RESTART): its Python handler runs, and an
// exception (KeyboardInterrupt) abandons the line.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

// readline.h uses FILE without including stdio.h on some versions.
#include <readline/history.h>
#include <readline/readline.h>

#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/line_reader.h"
#include "runtime/protocols.h"
#include "runtime/signals.h"

namespace gilpy {

namespace {

// Module state. Static data is scanned by the collector, so the Values stay alive.
Value g_completer;       // None or a callable: completer(text, state)
Value g_startup_hook;    // rl_startup_hook
Value g_pre_input_hook;  // rl_pre_input_hook
Value g_display_hook;    // rl_completion_display_matches_hook
int g_history_length = -1;   // written history files are truncated to this many lines (-1: no limit)
bool g_auto_history = true;  // lines read by the reader go into the history
int g_begidx = 0, g_endidx = 0;
char* g_delims = nullptr;  // our copy of rl_completer_word_break_characters

const char kDefaultDelims[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

// ---- conversions ---------------------------------------------------------------------------------

// A str argument as bytes in the locale's (filesystem) encoding, for readline.
Result<std::string> text_arg(Value v) {
  if (!is_str(v)) return raise(tp_TypeError, "bad argument type for built-in operation");
  std::string s = TRY(posix::fs_encode(as_str(v)));
  if (s.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null character");
  return s;
}

Result<Value> decode(const char* s) { return posix::fs_decode(s ? std::string_view(s) : std::string_view()); }

// filename=None: absent or None gives false; else the path as bytes (str, bytes or os.PathLike).
Result<bool> filename_arg(Value v, std::string* out) {
  if (!v || is_none(v)) return false;
  Value p = TRY(posix::fspath(v));
  if (is_str(p))
    *out = TRY(posix::fs_encode(as_str(p)));
  else
    *out = std::string(as_bytes(p)->view());
  if (out->find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
  return true;
}

Status check_errno(int e) {
  if (e) return raise_errno(e);
  return OK();
}

// A hook argument: None (or absent) clears it, anything else must be callable.
Status set_hook(const char* name, Value v, Value* slot) {
  if (!v || is_none(v)) {
    *slot = Value();
    return OK();
  }
  if (!is_callable(v)) return raise_fmt(tp_TypeError, "set_%s(func): argument not callable", name);
  *slot = v;
  return OK();
}

// ---- callbacks from readline (the GIL is held: the reader feeds keys with it) ---------------------

// The int result of a startup / pre-input hook; an exception is dropped.
int call_int_hook(Value hook) {
  if (!hook) return 0;
  Result<Value> r = call0(hook);
  if (r.is_err()) {
    exc_clear();
    return 0;
  }
  if (is_none(r.value())) return 0;
  Result<int> i = as_c_int(r.value());
  if (i.is_err()) {
    exc_clear();
    return 0;
  }
  return i.value();
}
int on_startup() { return call_int_hook(g_startup_hook); }
int on_pre_input() { return call_int_hook(g_pre_input_hook); }

void on_display_matches(char** matches, int num_matches, int max_length) {
  if (!g_display_hook) return;
  List* l = list_new(0);
  for (int i = 1; i <= num_matches; i++) {
    Result<Value> m = decode(matches[i]);
    if (m.is_err()) {
      exc_clear();
      return;
    }
    (void)list_append(l, m.value());
  }
  Result<Value> sub = decode(matches[0]);
  if (sub.is_err()) {
    exc_clear();
    return;
  }
  Value args[3] = {sub.value(), Value(l), Value::small(max_length)};
  Result<Value> r = call(g_display_hook, args, 3, nullptr);
  if (r.is_err()) exc_clear();
}

// rl_completion_matches' generator: completer(text, state) until it returns None.
char* on_completion(const char* text, int state) {
  if (!g_completer) return nullptr;
  Result<Value> t = decode(text);
  if (t.is_err()) {
    exc_clear();
    return nullptr;
  }
  Result<Value> r = call2(g_completer, t.value(), Value::small(state));
  if (r.is_err()) {
    exc_clear();
    return nullptr;
  }
  if (is_none(r.value())) return nullptr;
  if (!is_str(r.value())) return nullptr;
  Result<std::string> s = posix::fs_encode(as_str(r.value()));
  if (s.is_err()) {
    exc_clear();
    return nullptr;
  }
  return strdup(s.value().c_str());
}

// The number of characters in the first `nbytes` bytes of the line buffer:
// get_begidx()/get_endidx() count characters, readline counts bytes.
int char_index(int nbytes) {
  if (!rl_line_buffer || nbytes <= 0) return 0;
  Result<Value> s = posix::fs_decode(std::string_view(rl_line_buffer, size_t(nbytes)));
  if (s.is_err()) {
    exc_clear();
    return nbytes;
  }
  return int(as_str(s.value())->length);
}

char** on_attempted_completion(const char* text, int start, int end) {
  rl_completion_append_character = '\0';
  rl_completion_suppress_append = 0;
  g_begidx = char_index(start);
  g_endidx = char_index(end);
  return rl_completion_matches(text, on_completion);
}

// ---- the line reader ------------------------------------------------------------------------------

bool g_line_done = false;
char* g_line = nullptr;

void on_line(char* text) {
  g_line = text;
  g_line_done = true;
  rl_callback_handler_remove();
}

// The auto-history rule: a non-empty line that differs from the last entry.
void auto_add_history(const char* line) {
  if (!g_auto_history || !*line) return;
  HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
  if (last && std::strcmp(last->line, line) == 0) return;
  add_history(line);
}

// g_line_reader: show `prompt`, read one line with editing. true with
// the line (no newline), false at end of input (Ctrl-D on an empty line), ERR
// when a signal handler raised (KeyboardInterrupt) while waiting.
Result<bool> read_line(const char* prompt, std::string* out) {
  rl_instream = stdin;
  rl_outstream = stdout;
  std::fflush(stdout);
  g_line_done = false;
  g_line = nullptr;
  rl_callback_handler_install(prompt, on_line);
  int fd = fileno(rl_instream);
  // Signals run their handlers on the main thread only: elsewhere a pending
  // one is no reason to stop waiting.
  bool main = is_main_thread();
  while (!g_line_done) {
    int r, err = 0;
    {
      gil::ReleaseGil nogil(gil::Block::Input);
      struct pollfd p = {fd, POLLIN, 0};
      // A signal caught by another thread, or just before poll() started,
      // interrupts no poll: the wait is cut in slices that look for it.
      for (;;) {
        if (main && (g_eval_breaker.load(std::memory_order_acquire) & EB_SIGNALS)) {
          r = -1;
          err = EINTR;
          break;
        }
        r = ::poll(&p, 1, 100);
        err = errno;
        if (r != 0) break;
      }
    }
    if (r < 0 && err != EINTR) {
      rl_callback_handler_remove();
      return raise_errno(err);
    }
    // A signal (during the poll, or caught while readline had the key):
    // run its handler; one that raises abandons the line.
    if (check_signals().is_err()) {
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_cleanup_after_signal();
      rl_callback_handler_remove();
      return ERR;
    }
    if (r > 0) rl_callback_read_char();
  }
  if (!g_line) return false;
  out->assign(g_line);
  auto_add_history(g_line);
  std::free(g_line);
  g_line = nullptr;
  return true;
}

void setup_readline() {
  using_history();
  rl_readline_name = "python";
  rl_instream = stdin;
  rl_outstream = stdout;
  // Signals stay with gilpy's handlers (they trip a flag the reader checks).
  rl_catch_signals = 0;
  // TAB inserts itself until told otherwise (site.py binds it to complete);
  // ESC-TAB and ESC-ESC complete.
  rl_bind_key('\t', rl_insert);
  rl_bind_key_in_map('\t', rl_complete, emacs_meta_keymap);
  rl_bind_key_in_map('\033', rl_complete, emacs_meta_keymap);
  rl_startup_hook = on_startup;
  rl_pre_input_hook = on_pre_input;
  rl_attempted_completion_function = on_attempted_completion;
  g_delims = strdup(kDefaultDelims);
  rl_completer_word_break_characters = g_delims;
  // Bracketed paste off (as CPython): a pasted block must reach the prompt
  // line by line. An inputrc may turn it back on.
  rl_variable_bind("enable-bracketed-paste", "off");
  // With stdout not a terminal, no "enable meta key" sequence may reach it.
  if (!isatty(STDOUT_FILENO)) rl_variable_bind("enable-meta-key", "off");
  rl_initialize();
  g_line_reader = read_line;
}

// ---- module functions -----------------------------------------------------------------------------

Result<Value> rl_parse_and_bind_fn(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.parse_and_bind", kw));
  TRY(check_nargs("readline.parse_and_bind", n, 1, 1));
  std::string s = TRY(text_arg(a[0]));
  rl_parse_and_bind(s.data());  // readline edits the buffer it is given
  return None();
}

Result<Value> rl_read_init_file_fn(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.read_init_file", kw));
  TRY(check_nargs("read_init_file", n, 0, 1));
  std::string fn;
  bool given = TRY(filename_arg(n ? a[0] : Value(), &fn));
  errno = rl_read_init_file(given ? fn.c_str() : nullptr);
  TRY(check_errno(errno));
  return None();
}

Result<Value> rl_get_line_buffer(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_line_buffer", kw));
  TRY(check_nargs("readline.get_line_buffer", n, 0, 0));
  return decode(rl_line_buffer);
}

Result<Value> rl_insert_text_fn(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.insert_text", kw));
  TRY(check_nargs("readline.insert_text", n, 1, 1));
  std::string s = TRY(text_arg(a[0]));
  rl_insert_text(s.c_str());
  return None();
}

Result<Value> rl_redisplay_fn(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.redisplay", kw));
  TRY(check_nargs("readline.redisplay", n, 0, 0));
  rl_redisplay();
  return None();
}

Result<Value> rl_read_history_file(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.read_history_file", kw));
  TRY(check_nargs("read_history_file", n, 0, 1));
  std::string fn;
  bool given = TRY(filename_arg(n ? a[0] : Value(), &fn));
  TRY(check_errno(read_history(given ? fn.c_str() : nullptr)));
  return None();
}

// After writing a history file, cut it to set_history_length() lines.
void truncate_written(bool given, const std::string& fn) {
  if (g_history_length >= 0) history_truncate_file(given ? fn.c_str() : nullptr, g_history_length);
}

Result<Value> rl_write_history_file(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.write_history_file", kw));
  TRY(check_nargs("write_history_file", n, 0, 1));
  std::string fn;
  bool given = TRY(filename_arg(n ? a[0] : Value(), &fn));
  int e = write_history(given ? fn.c_str() : nullptr);
  if (!e) truncate_written(given, fn);
  TRY(check_errno(e));
  return None();
}

Result<Value> rl_append_history_file(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.append_history_file", kw));
  TRY(check_nargs("append_history_file", n, 1, 2));
  int nelements = TRY(as_c_int(a[0]));
  std::string fn;
  bool given = TRY(filename_arg(n > 1 ? a[1] : Value(), &fn));
  int e = append_history(nelements, given ? fn.c_str() : nullptr);
  if (!e) truncate_written(given, fn);
  TRY(check_errno(e));
  return None();
}

Result<Value> rl_get_history_length(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_history_length", kw));
  TRY(check_nargs("readline.get_history_length", n, 0, 0));
  return Value::small(g_history_length);
}

Result<Value> rl_set_history_length(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.set_history_length", kw));
  TRY(check_nargs("readline.set_history_length", n, 1, 1));
  g_history_length = TRY(as_c_int(a[0]));
  return None();
}

Result<Value> rl_clear_history(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.clear_history", kw));
  TRY(check_nargs("readline.clear_history", n, 0, 0));
  clear_history();
  return None();
}

Result<Value> rl_get_current_history_length(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_current_history_length", kw));
  TRY(check_nargs("readline.get_current_history_length", n, 0, 0));
  return Value::small(history_length);
}

// One-based, counted from history_base as readline's history_get does; None when absent.
Result<Value> rl_get_history_item(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_history_item", kw));
  TRY(check_nargs("readline.get_history_item", n, 1, 1));
  int idx = TRY(as_c_int(a[0]));
  HIST_ENTRY* e = history_get(idx);
  if (!e) return None();
  return decode(e->line);
}

void free_entry(HIST_ENTRY* e) {
  histdata_t data = free_history_entry(e);
  std::free(data);
}

// Zero-based.
Result<Value> rl_remove_history_item(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.remove_history_item", kw));
  TRY(check_nargs("readline.remove_history_item", n, 1, 1));
  int pos = TRY(as_c_int(a[0]));
  if (pos < 0) return raise(tp_ValueError, "History index cannot be negative");
  HIST_ENTRY* e = remove_history(pos);
  if (!e) return raise_fmt(tp_ValueError, "No history item at position %d", pos);
  free_entry(e);
  return None();
}

Result<Value> rl_replace_history_item(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.replace_history_item", kw));
  TRY(check_nargs("replace_history_item", n, 2, 2));
  int pos = TRY(as_c_int(a[0]));
  if (!is_str(a[1]))
    return raise_fmt(tp_TypeError, "replace_history_item() argument 2 must be str, not %s", type_name(a[1]));
  std::string line = TRY(text_arg(a[1]));
  if (pos < 0) return raise(tp_ValueError, "History index cannot be negative");
  HIST_ENTRY* old = replace_history_entry(pos, line.c_str(), nullptr);
  if (!old) return raise_fmt(tp_ValueError, "No history item at position %d", pos);
  free_entry(old);
  return None();
}

Result<Value> rl_add_history(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.add_history", kw));
  TRY(check_nargs("readline.add_history", n, 1, 1));
  std::string line = TRY(text_arg(a[0]));
  add_history(line.c_str());
  return None();
}

Result<Value> rl_set_auto_history(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.set_auto_history", kw));
  TRY(check_nargs("readline.set_auto_history", n, 1, 1));
  g_auto_history = TRY(truthy(a[0]));
  return None();
}

Result<Value> rl_set_completer(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.set_completer", kw));
  TRY(check_nargs("set_completer", n, 0, 1));
  TRY(set_hook("completer", n ? a[0] : Value(), &g_completer));
  return None();
}

Result<Value> rl_get_completer(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_completer", kw));
  TRY(check_nargs("readline.get_completer", n, 0, 0));
  return g_completer ? g_completer : None();
}

Result<Value> rl_get_completion_type(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_completion_type", kw));
  TRY(check_nargs("readline.get_completion_type", n, 0, 0));
  return Value::small(rl_completion_type);
}

Result<Value> rl_get_begidx(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_begidx", kw));
  TRY(check_nargs("readline.get_begidx", n, 0, 0));
  return Value::small(g_begidx);
}

Result<Value> rl_get_endidx(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_endidx", kw));
  TRY(check_nargs("readline.get_endidx", n, 0, 0));
  return Value::small(g_endidx);
}

Result<Value> rl_set_completer_delims(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.set_completer_delims", kw));
  TRY(check_nargs("readline.set_completer_delims", n, 1, 1));
  std::string s = TRY(text_arg(a[0]));
  char* copy = strdup(s.c_str());
  rl_completer_word_break_characters = copy;
  std::free(g_delims);
  g_delims = copy;
  return None();
}

Result<Value> rl_get_completer_delims(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.get_completer_delims", kw));
  TRY(check_nargs("readline.get_completer_delims", n, 0, 0));
  return decode(rl_completer_word_break_characters);
}

Result<Value> rl_set_completion_display_matches_hook(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.set_completion_display_matches_hook", kw));
  TRY(check_nargs("set_completion_display_matches_hook", n, 0, 1));
  TRY(set_hook("completion_display_matches_hook", n ? a[0] : Value(), &g_display_hook));
  rl_completion_display_matches_hook = g_display_hook ? on_display_matches : nullptr;
  return None();
}

Result<Value> rl_set_startup_hook(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.set_startup_hook", kw));
  TRY(check_nargs("set_startup_hook", n, 0, 1));
  TRY(set_hook("startup_hook", n ? a[0] : Value(), &g_startup_hook));
  return None();
}

Result<Value> rl_set_pre_input_hook(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("readline.set_pre_input_hook", kw));
  TRY(check_nargs("set_pre_input_hook", n, 0, 1));
  TRY(set_hook("pre_input_hook", n ? a[0] : Value(), &g_pre_input_hook));
  return None();
}

const MethodDef functions[] = {
    {"parse_and_bind", rl_parse_and_bind_fn, MethKind::Method, "Execute the init line provided in the string argument."},
    {"read_init_file", rl_read_init_file_fn, MethKind::Method,
     "Execute a readline initialization file.\n\nThe default filename is the last filename used."},
    {"get_line_buffer", rl_get_line_buffer, MethKind::Method, "Return the current contents of the line buffer."},
    {"insert_text", rl_insert_text_fn, MethKind::Method, "Insert text into the line buffer at the cursor position."},
    {"redisplay", rl_redisplay_fn, MethKind::Method,
     "Change what's displayed on the screen to reflect contents of the line buffer."},
    {"read_history_file", rl_read_history_file, MethKind::Method,
     "Load a readline history file.\n\nThe default filename is ~/.history."},
    {"write_history_file", rl_write_history_file, MethKind::Method,
     "Save a readline history file.\n\nThe default filename is ~/.history."},
    {"append_history_file", rl_append_history_file, MethKind::Method,
     "Append the last nelements items of the history list to file.\n\nThe default filename is ~/.history."},
    {"get_history_length", rl_get_history_length, MethKind::Method,
     "Return the maximum number of lines that will be written to the history file."},
    {"set_history_length", rl_set_history_length, MethKind::Method,
     "Set the maximal number of lines which will be written to the history file.\n\n"
     "A negative length is used to inhibit history truncation."},
    {"clear_history", rl_clear_history, MethKind::Method, "Clear the current readline history."},
    {"get_current_history_length", rl_get_current_history_length, MethKind::Method,
     "Return the current (not the maximum) length of history."},
    {"get_history_item", rl_get_history_item, MethKind::Method,
     "Return the current contents of history item at one-based index."},
    {"remove_history_item", rl_remove_history_item, MethKind::Method,
     "Remove history item given by its zero-based position."},
    {"replace_history_item", rl_replace_history_item, MethKind::Method,
     "Replaces history item given by its position with contents of line.\n\npos is zero-based."},
    {"add_history", rl_add_history, MethKind::Method, "Add an item to the history buffer."},
    {"set_auto_history", rl_set_auto_history, MethKind::Method, "Enables or disables automatic history."},
    {"set_completer", rl_set_completer, MethKind::Method,
     "Set or remove the completer function.\n\nThe function is called as function(text, state),\n"
     "for state in 0, 1, 2, ..., until it returns a non-string.\n"
     "It should return the next possible completion starting with 'text'."},
    {"get_completer", rl_get_completer, MethKind::Method, "Get the current completer function."},
    {"get_completion_type", rl_get_completion_type, MethKind::Method,
     "Get the type of completion being attempted."},
    {"get_begidx", rl_get_begidx, MethKind::Method, "Get the beginning index of the completion scope."},
    {"get_endidx", rl_get_endidx, MethKind::Method, "Get the ending index of the completion scope."},
    {"set_completer_delims", rl_set_completer_delims, MethKind::Method, "Set the word delimiters for completion."},
    {"get_completer_delims", rl_get_completer_delims, MethKind::Method, "Get the word delimiters for completion."},
    {"set_completion_display_matches_hook", rl_set_completion_display_matches_hook, MethKind::Method,
     "Set or remove the completion display function.\n\nThe function is called as\n"
     "  function(substitution, [matches], longest_match_length)\n"
     "once each time matches need to be displayed."},
    {"set_startup_hook", rl_set_startup_hook, MethKind::Method,
     "Set or remove the function invoked by the rl_startup_hook callback.\n\n"
     "The function is called with no arguments just\nbefore readline prints the first prompt."},
    {"set_pre_input_hook", rl_set_pre_input_hook, MethKind::Method,
     "Set or remove the function invoked by the rl_pre_input_hook callback.\n\n"
     "The function is called with no arguments after the first prompt\n"
     "has been printed and just before readline starts reading input\ncharacters."},
    {nullptr, nullptr},
};

bool g_set_up = false;

Result<Value> init() {
  Module* m = native_module_new("readline", functions,
                                "Importing this module enables command line editing using GNU readline.");
  dict_set_str(m->dict, str_intern("_READLINE_VERSION"), Value::small(RL_READLINE_VERSION));
  dict_set_str(m->dict, str_intern("_READLINE_RUNTIME_VERSION"), Value::small(rl_readline_version));
  dict_set_str(m->dict, str_intern("_READLINE_LIBRARY_VERSION"), str_value(rl_library_version));
  if (!g_set_up) {
    g_set_up = true;
    setup_readline();
  }
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("readline", init);

}  // namespace gilpy
