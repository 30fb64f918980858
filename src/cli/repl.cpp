// The interactive prompt: reads lines (with continuation for compound
// statements), compiles in 'single' mode so expression values are echoed
// through sys.displayhook, and prints tracebacks without exiting.
#include <cstdio>
#include <string>

#include "compiler/compile.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "parser/parser.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static bool read_line(const char* prompt, std::string* line) {
  std::fputs(prompt, stderr);
  std::fflush(stderr);
  line->clear();
  int c;
  while ((c = std::getchar()) != EOF) {
    line->push_back(char(c));
    if (c == '\n') return true;
  }
  return !line->empty();
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
  for (;;) {
    std::string src, line;
    if (!read_line(">>> ", &line)) {
      std::fputs("\n", stderr);
      return 0;
    }
    src = line;
    for (;;) {
      parser::ParseResult pr = parser::parse(src, "<stdin>", parser::Mode::Single);
      bool incomplete = pr.error && (pr.error->msg.find("unexpected EOF") != std::string::npos ||
                                     pr.error->msg.find("expected an indented block") != std::string::npos ||
                                     pr.error->msg.find("was never closed") != std::string::npos ||
                                     pr.error->msg.find("unterminated triple-quoted") != std::string::npos);
      bool compound = !pr.error && src.size() > 1 && src[src.size() - 2] == ':';
      bool need_more = (incomplete || compound || (src.find('\n') != src.rfind('\n') && line != "\n")) && line != "\n";
      if (!need_more) break;
      if (!read_line("... ", &line)) break;
      src += line;
    }
    Result<Value> r = exec_source(src, str_intern("<stdin>"), globals, Value(), int(parser::Mode::Single));
    if (r.is_err()) {
      if (exc_matches(tp_SystemExit)) return handle_system_exit();
      print_exception_and_clear();
    }
  }
}

}  // namespace gilpy
