// The interactive prompt: reads lines (with continuation for compound
// statements), compiles in 'single' mode so expression values are echoed
// through sys.displayhook, and prints tracebacks without exiting.
#include <cstdio>
#include <string>

#include "bytecode/opcodes.h"
#include "compiler/compile.h"
#include "objects/code.h"
#include "vm/call.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "parser/parser.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/line_reader.h"
#include "runtime/protocols.h"

namespace gilpy {

// One interactive input, compiled in 'single' mode with top-level await
// allowed (a gilpy extra, IPython's "autoawait"): an input that awaits
// compiles to a coroutine, which runs to completion on an event loop that
// lives for the whole session, so `await asyncio.sleep(1, 'x')` echoes 'x'
// and tasks it created keep their loop. Other inputs run as in CPython.
static Result<Value> run_interactive(const std::string& src, Dict* globals) {
  Code* code = TRY(compiler::compile_source(src, str_intern("<stdin>"), parser::Mode::Single,
                                            bytecode::PyCF_ALLOW_TOP_LEVEL_AWAIT));
  TRY(ensure_main_loader(code));
  Value r = TRY(run_code(code, globals, Value(globals)));
  if (!(code->flags & bytecode::CO_COROUTINE)) return r;
  static Value loop;  // the session's loop (static data: the collector sees it)
  if (!loop) {
    Value asyncio = TRY(import_module(str_intern("asyncio")));
    loop = TRY(call_method0(asyncio, str_intern("new_event_loop")));
    TRY(call_method1(asyncio, str_intern("set_event_loop"), loop));
  }
  return call_method1(loop, str_intern("run_until_complete"), r);
}

// The prompt: str(sys.ps1) or str(sys.ps2), as CPython's interactive loop
// reads them before each line (so a program may change them).
static std::string prompt_text(bool first) {
  Value v = sys_get(str_intern(first ? "ps1" : "ps2"));
  if (!v) return first ? ">>> " : "... ";
  Result<Str*> s = str(v);
  if (s.is_err()) {
    exc_clear();
    return "";
  }
  return std::string(s.value()->view());
}

static void flush_std_stream(const char* name) {
  Value f = sys_get(str_intern(name));
  if (f && !is_none(f) && call_method0(f, str_intern("flush")).is_err()) exc_clear();
}

enum class Got { Line, Eof, Interrupt };

// One line, newline included. On a terminal with the readline module
// imported, through its line editor (history, completion); else the prompt
// goes to stderr and the line is read from stdin as is. Interrupt: a signal
// handler raised while waiting (the exception is pending).
static Got read_line(bool first, std::string* line) {
  std::string prompt = prompt_text(first);
  line->clear();
  // What the last statement printed shows before the prompt, buffered or not
  // (CPython's flush_io after each statement).
  flush_std_stream("stdout");
  flush_std_stream("stderr");
  if (line_reader_usable()) {
    Result<bool> r = g_line_reader(prompt.c_str(), line);
    if (r.is_err()) return Got::Interrupt;
    if (!r.value()) return Got::Eof;
    line->push_back('\n');
    return Got::Line;
  }
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  int c;
  while ((c = std::getchar()) != EOF) {
    line->push_back(char(c));
    if (c == '\n') return Got::Line;
  }
  return line->empty() ? Got::Eof : Got::Line;
}

// banner: the start-up lines CPython prints before a prompt on a terminal
// (the second only when site.py provided help, copyright, ...).
void print_repl_banner() {
  std::fprintf(stderr, "Python %s on linux\n", kSysVersion);
  if (!g_interp.no_site)
    std::fprintf(stderr, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
}

int repl_main(bool banner) {
  Value mainv = dict_get_str(g_interp.modules, str_intern("__main__"));
  Dict* globals = mainv.as<Module>()->dict;
  if (banner) print_repl_banner();
  // sys.ps1 and sys.ps2 exist while the interactive loop runs, as in CPython.
  if (g_interp.sys) {
    if (!sys_get(str_intern("ps1"))) dict_set_str(g_interp.sys->dict, str_intern("ps1"), str_value(">>> "));
    if (!sys_get(str_intern("ps2"))) dict_set_str(g_interp.sys->dict, str_intern("ps2"), str_value("... "));
  }
  for (;;) {
    std::string src, line;
    Got got = read_line(true, &line);
    if (got == Got::Eof) {
      std::fputs("\n", stderr);
      return 0;
    }
    src = line;
    while (got == Got::Line) {
      parser::ParseResult pr = parser::parse(src, "<stdin>", parser::Mode::Single);
      bool incomplete = pr.error && (pr.error->msg.find("unexpected EOF") != std::string::npos ||
                                     pr.error->msg.find("expected an indented block") != std::string::npos ||
                                     pr.error->msg.find("was never closed") != std::string::npos ||
                                     pr.error->msg.find("unterminated triple-quoted") != std::string::npos);
      bool compound = !pr.error && src.size() > 1 && src[src.size() - 2] == ':';
      bool need_more = (incomplete || compound || (src.find('\n') != src.rfind('\n') && line != "\n")) && line != "\n";
      if (!need_more) break;
      got = read_line(false, &line);
      if (got == Got::Line) src += line;
    }
    // Ctrl-C while a line was being typed: the line (or block) is dropped
    // and KeyboardInterrupt is printed below a fresh line.
    if (got == Got::Interrupt) {
      std::fputs("\n", stderr);
      if (exc_matches(tp_SystemExit)) return handle_system_exit();
      print_exception_and_clear();
      continue;
    }
    Result<Value> r = run_interactive(src, globals);
    if (r.is_err()) {
      if (exc_matches(tp_SystemExit)) return handle_system_exit();
      print_exception_and_clear();
    }
  }
}

}  // namespace gilpy
