// Option parsing and the main run modes (script, -c, -m, stdin, -i REPL).
#include <dirent.h>
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "parser/parser.h"
#include "runtime/bootstrap.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/gil.h"
#include "runtime/gil_events.h"
#include "runtime/gil_outputs.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/signals.h"
#include "tokenizer/tokenizer.h"

namespace gilpy {
Result<std::string> read_file(const std::string& path);
Status exec_module_file(Module* m, const std::string& path);
void register_all_native_modules();
int repl_main();
Result<Code*> load_source_code(const std::string& path, bool force_write);
Value native_loader_new(const std::string& name, const std::string& path);
void run_atexit_callbacks();  // modules/atexit.cpp
std::string disassemble_file(const std::string& path, bool* ok);
}

namespace gilpy::cli {

static std::string g_prog = "gilpy";

static int usage_error(const std::string& msg) {
  std::fprintf(stderr, "%s\nusage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
               msg.c_str(), g_prog.c_str());
  return 2;
}

static const char* kHelp =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options (and corresponding environment variables):\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolate gilpy from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "-W arg : warning control\n"
    "-X opt : set implementation-specific option\n"
    "--dump-tokens FILE : print the tokens of FILE (tokenize-module format)\n"
    "--dump-ast FILE    : print ast.dump() of FILE\n"
    "--dis FILE         : disassemble FILE's bytecode\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

static std::string self_path() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "gilpy";
  buf[n] = 0;
  return buf;
}

static std::string dirname_of(const std::string& p) {
  size_t s = p.rfind('/');
  if (s == std::string::npos) return ".";
  if (s == 0) return "/";
  return p.substr(0, s);
}

static std::string absolute(const std::string& p) {
  if (!p.empty() && p[0] == '/') return p;
  char buf[PATH_MAX];
  if (!getcwd(buf, sizeof buf)) return p;
  std::string cwd = buf;
  std::string rel = p;
  while (rel.rfind("./", 0) == 0) rel = rel.substr(2);
  return cwd + "/" + rel;
}

static int dump_tool(const std::string& mode, const std::string& path) {
  Result<std::string> src = read_file(path);
  if (src.is_err()) {
    exc_clear();
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", g_prog.c_str(), path.c_str(), errno, std::strerror(errno));
    return 2;
  }
  if (mode == "--dump-tokens") {
    std::string err;
    std::string out = tokenizer::dump_tokens(src.value(), path, &err);
    std::fputs(out.c_str(), stdout);
    if (!err.empty()) {
      std::fputs(err.c_str(), stderr);
      return 1;
    }
    return 0;
  }
  if (mode == "--dump-ast" || mode == "--attributes") {
    parser::ParseResult pr = parser::parse(src.value(), path, parser::Mode::Exec);
    if (pr.error) {
      std::fputs(parser::format_syntax_error(*pr.error).c_str(), stderr);
      return 1;
    }
    std::printf("%s\n", parser::dump(pr.root, mode == "--attributes").c_str());
    return 0;
  }
  bool ok = true;
  std::string out = disassemble_file(path, &ok);
  std::fputs(out.c_str(), ok ? stdout : stderr);
  return ok ? 0 : 1;
}

// --precompile DIR...: write the bytecode cache for every .py file below each
// DIR (used by the install step for CPython's library). Files that do not
// compile (test data with deliberate errors, Python 2 sources) are skipped.
static int precompile(const std::vector<std::string>& dirs) {
  static const char* skip[] = {"test", "tests", "idlelib", "lib2to3", "tkinter", "turtledemo", "site-packages",
                               "dist-packages", "__pycache__", "ensurepip", "pydoc_data"};
  int ok = 0, failed = 0;
  std::vector<std::string> todo(dirs.begin(), dirs.end());
  while (!todo.empty()) {
    std::string d = todo.back();
    todo.pop_back();
    DIR* dir = ::opendir(d.c_str());
    if (!dir) continue;
    while (struct dirent* e = ::readdir(dir)) {
      std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      std::string path = d + "/" + name;
      if (e->d_type == DT_DIR) {
        bool skipped = false;
        for (const char* s : skip) skipped = skipped || name == s;
        if (!skipped) todo.push_back(path);
      } else if (name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0) {
        if (load_source_code(path, true).ok()) ok++;
        else { exc_clear(); failed++; }
      }
    }
    ::closedir(dir);
  }
  std::printf("precompiled %d files (%d skipped: not compilable)\n", ok, failed);
  return 0;
}

static void set_sys_path(const std::string& first) {
  List* path = as_list(sys_get(N.path));
  (void)list_append(path, str_value(first));
  if (!g_interp.ignore_environment) {
    const char* pp = std::getenv("PYTHONPATH");
    if (pp && *pp) {
      std::string s = pp;
      size_t pos = 0;
      while (pos <= s.size()) {
        size_t c = s.find(':', pos);
        std::string e = s.substr(pos, c == std::string::npos ? std::string::npos : c - pos);
        if (!e.empty()) (void)list_append(path, str_value(e));
        if (c == std::string::npos) break;
        pos = c + 1;
      }
    }
  }
  (void)list_append(path, str_value(g_interp.gilpy_lib_dir));
  (void)list_append(path, str_value(g_interp.stdlib_dir));
}

// If threading was imported, run threading._shutdown(), which joins every
// non-daemon thread. An exception there is reported and otherwise ignored.
static void wait_for_thread_shutdown() {
  if (!g_interp.modules) return;
  Value threading = dict_get_str(g_interp.modules, str_intern("threading"));
  if (!threading) return;
  Value fn;
  if (getattr_opt(threading, str_intern("_shutdown"), &fn).is_err() || !fn) {
    exc_clear();
    return;
  }
  Result<Value> r = call0(fn);
  if (r.is_err()) {
    Value exc = exc_fetch();
    report_unraisable("Exception ignored in: ", threading, exc);
  }
}

static int finish(bool failed) {
  int status = 0;
  bool interrupted = false;
  if (failed) {
    if (exc_matches(tp_SystemExit)) {
      status = handle_system_exit();
    } else {
      interrupted = exc_matches(tp_KeyboardInterrupt);
      print_exception_and_clear();
      status = 1;
    }
  }
  // Wait for non-daemon threads (threading._shutdown), then atexit
  // callbacks: both after the program's exception was reported and before
  // the streams are flushed, as in CPython's Py_FinalizeEx.
  wait_for_thread_shutdown();
  run_atexit_callbacks();
  write_gil_outputs();
  // Flush the standard streams (an error here is reported like CPython's
  // "Exception ignored ... BrokenPipeError" and gives status 120).
  for (Str* name : {N.stdout, N.stderr}) {
    Value s = sys_get(name);
    if (!s || is_none(s)) continue;
    // A stream the program closed is skipped, as CPython's flush_std_files does.
    Value closed;
    if (getattr_opt(s, str_intern("closed"), &closed).is_err()) exc_clear();
    if (closed) {
      Result<bool> c = truthy(closed);
      if (c.ok() && c.value()) continue;
      if (c.is_err()) exc_clear();
    }
    Result<Value> r = call_method0(s, N.flush);
    if (r.is_err()) {
      exc_clear();
      if (status == 0) status = 120;
    }
  }
  if (g_terminated) {
    // Recording turned SIGTERM into an unwinding SystemExit; now die of it.
    std::signal(SIGTERM, SIG_DFL);
    std::raise(SIGTERM);
  }
  if (interrupted) {
    // Like CPython: die of SIGINT so the parent shell sees the interruption.
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  return status;
}

int run_main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  std::string exe = self_path();
  g_prog = argc > 0 ? argv[0] : "gilpy";
  g_interp.executable = exe;
  g_interp.prefix = dirname_of(dirname_of(exe));
  g_interp.gilpy_lib_dir = g_interp.prefix + "/lib/gilpy";
  g_interp.stdlib_dir = "/usr/lib/python3.11";
  std::string command, module, script;
  bool have_command = false, have_module = false, read_stdin = false;
  size_t i = 1;
  for (; i < args.size(); i++) {
    const std::string& a = args[i];
    if (a == "--dump-tokens" || a == "--dump-ast" || a == "--dis" || a == "--attributes") {
      if (i + 1 >= args.size()) return usage_error("Argument expected for the " + a + " option");
      bootstrap_runtime();
      register_all_native_modules();
      g_interp.modules = dict_new();
      Result<Value> b = make_builtins_module();
      if (b.is_err()) return 1;
      g_interp.builtins = b.value().as<Module>();
      return dump_tool(a, args[i + 1]);
    }
    if (a == "--precompile") {
      bootstrap_runtime();
      register_all_native_modules();
      g_interp.modules = dict_new();
      Result<Value> b = make_builtins_module();
      if (b.is_err()) return 1;
      g_interp.builtins = b.value().as<Module>();
      return precompile(std::vector<std::string>(args.begin() + long(i) + 1, args.end()));
    }
    if (a == "--help" || a == "-h" || a == "-?") {
      std::printf(kHelp, g_prog.c_str());
      return 0;
    }
    if (a == "--version" || a == "-V") {
      std::printf("Python 3.11.2\n");
      return 0;
    }
    if (a == "-") { read_stdin = true; i++; break; }
    if (a.size() < 2 || a[0] != '-') break;
    if (a.rfind("--", 0) == 0) {
      if (a == "--check-hash-based-pycs") { i++; continue; }
      return usage_error("unknown option " + a);
    }
    // Bundled single-letter flags: -uB, -c cmd, -Xfoo, -X foo ...
    for (size_t k = 1; k < a.size(); k++) {
      char c = a[k];
      auto take_arg = [&](const char* opt) -> std::string* {
        static std::string val;
        if (k + 1 < a.size()) {
          val = a.substr(k + 1);
          k = a.size();
          return &val;
        }
        if (i + 1 < args.size()) {
          val = args[++i];
          k = a.size();
          return &val;
        }
        return nullptr;
      };
      switch (c) {
        case 'c': {
          std::string* v = take_arg("c");
          if (!v) return usage_error("Argument expected for the -c option");
          command = *v;
          have_command = true;
          break;
        }
        case 'm': {
          std::string* v = take_arg("m");
          if (!v) return usage_error("Argument expected for the -m option");
          module = *v;
          have_module = true;
          break;
        }
        case 'X': {
          std::string* v = take_arg("X");
          if (!v) return usage_error("Argument expected for the -X option");
          g_interp.xoptions.push_back(*v);
          break;
        }
        case 'W': {
          std::string* v = take_arg("W");
          if (!v) return usage_error("Argument expected for the -W option");
          g_interp.warnoptions.push_back(*v);
          break;
        }
        case 'i': g_interp.inspect = true; break;
        case 'u': g_interp.unbuffered = true; break;
        case 'B': g_interp.dont_write_bytecode = true; break;
        case 'E': g_interp.ignore_environment = true; break;
        case 'I': g_interp.isolated = true; g_interp.ignore_environment = true; break;
        case 'S': g_interp.no_site = true; break;
        case 's': case 'q': case 'O': case 'd': case 'v': case 'b': case 'x': case 'P': case 'R': break;
        default: return usage_error(std::string("Unknown option: -") + c);
      }
      if (have_command || have_module) break;
    }
    if (have_command || have_module) { i++; break; }
  }
  std::vector<std::string> prog_argv;
  if (have_command) {
    prog_argv.push_back("-c");
  } else if (have_module) {
    prog_argv.push_back(module);  // replaced by the module's path once found
  } else if (!read_stdin && i < args.size()) {
    script = args[i++];
    prog_argv.push_back(script);
  } else {
    prog_argv.push_back(read_stdin ? "-" : "");
    read_stdin = true;
  }
  for (; i < args.size(); i++) prog_argv.push_back(args[i]);
  if (!g_interp.ignore_environment) {  // becomes sys.dont_write_bytecode, as in CPython
    const char* dwb = std::getenv("PYTHONDONTWRITEBYTECODE");
    if (dwb && *dwb) g_interp.dont_write_bytecode = true;
  }

  // CPython sets LC_CTYPE from the environment at start-up (the other
  // categories stay "C"): locale.getlocale() and C-level text use it.
  ::setlocale(LC_CTYPE, "");

  // gilpy's own -X options are checked before anything runs: a bad value or
  // an output file that cannot be written is a usage error (exit status 2),
  // not a surprise at the end of a long program.
  {
    std::string err = parse_gil_options(g_interp.xoptions, &g_gil_options);
    if (!err.empty()) {
      std::fprintf(stderr, "%s: %s\n", g_prog.c_str(), err.c_str());
      return 2;
    }
  }
  gil::Mode switch_mode = g_gil_options.mode;
  if (g_gil_options.recording()) gil::g_recording.store(true);  // from the first event on

  bootstrap_runtime();
  gil::set_mode(switch_mode);
  // Racing needs switches: the every-bytecode mode starts with a 200 us
  // switch interval instead of 5 ms (sys.setswitchinterval still changes it).
  if (switch_mode == gil::Mode::Every) gil::set_switch_interval(0.0002);
  set_main_thread();
  install_default_signal_handlers();
  if (g_gil_options.recording()) install_sigterm_unwinding();
  register_all_native_modules();
  g_interp.modules = dict_new();
  Result<Value> b = make_builtins_module();
  if (b.is_err()) return finish(true);
  g_interp.builtins = b.value().as<Module>();
  dict_set_str(g_interp.modules, str_intern("builtins"), b.value());
  Result<Value> s = make_sys_module(prog_argv);
  if (s.is_err()) return finish(true);
  g_interp.sys = s.value().as<Module>();
  dict_set_str(g_interp.modules, str_intern("sys"), s.value());

  Module* main_mod = module_new("__main__");
  dict_set_str(main_mod->dict, N.__builtins__, Value(g_interp.builtins));
  dict_set_str(g_interp.modules, str_intern("__main__"), Value(main_mod));

  if (have_command) {
    set_sys_path("");
    Result<Value> r = exec_source(command, str_intern("<string>"), main_mod->dict, Value(), int(parser::Mode::Exec));
    return finish(r.is_err());
  }
  if (have_module) {
    char cwd[PATH_MAX];
    set_sys_path(getcwd(cwd, sizeof cwd) ? cwd : ".");
    // -m: find the module (a package runs its __main__), then run it as __main__
    // the way runpy._run_module_as_main does.
    std::string name = module, file;
    bool is_pkg = false;
    for (int depth = 0; depth < 2; depth++) {
      file.clear();
      if (find_module_file(name, &file, &is_pkg).is_err()) return finish(true);
      if (file.empty() || !is_pkg) break;
      name += ".__main__";
    }
    if (file.empty()) {
      std::fprintf(stderr, "%s: No module named %s\n", exe.c_str(), name.c_str());
      finish(false);
      return 1;
    }
    if (is_pkg) {
      std::fprintf(stderr, "%s: No module named %s.__main__; '%s' is a package and cannot be directly executed\n",
                   exe.c_str(), module.c_str(), module.c_str());
      return 1;
    }
    Result<std::string> src = read_file(file);
    if (src.is_err()) return finish(true);
    size_t dot = name.rfind('.');
    dict_set_str(main_mod->dict, N.__file__, str_value(file));
    dict_set_str(main_mod->dict, N.__package__, str_value(dot == std::string::npos ? "" : name.substr(0, dot)));
    dict_set_str(main_mod->dict, N.__cached__, None());
    List* argv_list = as_list(sys_get(str_intern("argv")));
    argv_list->items[0] = str_value(file);
    Result<Value> r = exec_source(src.value(), str_new(file), main_mod->dict, Value(), int(parser::Mode::Exec));
    return finish(r.is_err());
  }
  if (!script.empty()) {
    std::string abs = absolute(script);
    Result<std::string> src = read_file(abs);
    if (src.is_err()) {
      exc_clear();
      int e = errno;
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", exe.c_str(), abs.c_str(), e, std::strerror(e));
      return 2;
    }
    set_sys_path(dirname_of(abs));
    dict_set_str(main_mod->dict, N.__file__, str_value(abs));
    dict_set_str(main_mod->dict, N.__loader__, native_loader_new("__main__", abs));
    dict_set_str(main_mod->dict, N.__cached__, None());
    Result<Value> r = exec_source(src.value(), str_new(abs), main_mod->dict, Value(), int(parser::Mode::Exec));
    bool failed = r.is_err();
    if (g_interp.inspect && !failed) return repl_main();
    return finish(failed);
  }
  set_sys_path("");
  if (isatty(0) || g_interp.inspect) return repl_main();
  std::string src;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(0, buf, sizeof buf)) > 0) src.append(buf, size_t(n));
  Result<Value> r = exec_source(src, str_intern("<stdin>"), main_mod->dict, Value(), int(parser::Mode::Exec));
  return finish(r.is_err());
}

}  // namespace gilpy::cli
