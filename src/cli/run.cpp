// Start-up and the main run modes (script, -c, -m, stdin, -i REPL). Options
// and environment variables are parsed in cli/options.cpp, paths found in
// cli/startup_paths.cpp; this file builds the interpreter, imports site,
// runs the program and shuts down.
#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>
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

#include "bytecode/opcodes.h"
#include "cli/cli.h"
#include "compiler/compile.h"
#include "modules/faulthandler.h"
#include "modules/_tracemalloc.h"
#include "cli/options.h"
#include "cli/startup_paths.h"
#include "objects/code.h"
#include "gc/heap.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
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
#include "vm/call.h"

namespace gilpy {
Result<std::string> read_file(const std::string& path);
Status exec_module_file(Module* m, const std::string& path);
void register_all_native_modules();
int repl_main(bool banner);
void print_repl_banner();
Result<Code*> load_source_code(const std::string& path, bool force_write);
Result<Value> marshal_load_value(std::string_view data);
namespace posix {
Result<Value> fs_decode(std::string_view b);  // modules/posix.cpp: UTF-8 with surrogateescape
}
using posix::fs_decode;
void run_atexit_callbacks();  // modules/atexit.cpp
std::string disassemble_file(const std::string& path, bool* ok);
}

namespace gilpy::cli {

static std::string g_prog = "gilpy";

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

// sys.path before site runs: PYTHONPATH, gilpy's own library, CPython's.
// The program's folder goes in front afterwards (add_path0), as in CPython,
// where site.py never sees it.
static void set_sys_path() {
  List* path = as_list(sys_get(N.path));
  if (const char* pp = python_env("PYTHONPATH")) {
    std::string s = pp;
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t c = s.find(':', pos);
      std::string e = s.substr(pos, c == std::string::npos ? std::string::npos : c - pos);
      if (!e.empty()) (void)list_append(path, str_value(absolute_path(e)));
      if (c == std::string::npos) break;
      pos = c + 1;
    }
  }
  (void)list_append(path, str_value(g_interp.gilpy_lib_dir));
  (void)list_append(path, str_value(g_interp.stdlib_dir));
}

// A path or argument from the command line or the file system as str: UTF-8
// with surrogateescape, as CPython decodes them on Linux.
static Value fs_str(const std::string& b) {
  Result<Value> v = fs_decode(b);
  if (v.ok()) return v.value();
  exc_clear();
  return str_value(b);
}

// sys.path[0]: the script's folder, the current folder for -m, '' for -c and
// stdin; nothing under -P/-I/PYTHONSAFEPATH (a folder or zip file run as the
// program always goes in: it is where its __main__ is found).
static void add_path0(const std::string& first, bool always = false) {
  if (g_interp.safe_path && !always) return;
  List* path = as_list(sys_get(N.path));
  (void)list_insert(path, 0, fs_str(first));
}

// PYTHONIOENCODING names a codec; the streams report the codec's own name
// (latin-1 -> iso8859-1) as CPython's do. The codecs are only found once
// sys.path is set, after the streams were made, so they are renamed here.
static void normalize_stdio_encoding() {
  if (g_interp.io_encoding.empty()) return;
  Result<Value> codecs = import_module(str_intern("_codecs"));
  Result<Value> info = codecs.ok() ? call_method1(codecs.value(), str_intern("lookup"), str_value(g_interp.io_encoding))
                                   : Result<Value>(ERR);
  Result<Value> name = info.ok() ? getattr(info.value(), N.name) : Result<Value>(ERR);
  if (name.is_err()) {
    exc_clear();
    return;
  }
  for (Str* s : {N.stdin, N.stdout, N.stderr}) {
    Value stream = sys_get(s);
    if (!stream || is_none(stream)) continue;
    Result<Value> errors = getattr(stream, str_intern("errors"));
    Result<Value> fn = errors.ok() ? getattr(stream, str_intern("reconfigure")) : Result<Value>(ERR);
    if (fn.is_err()) { exc_clear(); continue; }
    Value args[2] = {name.value(), errors.value()};
    Tuple* kw = tuple_of({Value(str_intern("encoding")), Value(str_intern("errors"))});
    if (call(fn.value(), args, 0, kw).is_err()) exc_clear();
  }
}

// Import site (CPython's site.py, unchanged) unless -S; then warnings if
// there are -W/PYTHONWARNINGS options, so bad ones are reported at start-up.
static bool import_startup_modules() {
  if (!g_interp.no_site) {
    Result<Value> r = import_module(str_intern("site"));
    if (r.is_err()) {
      std::fflush(stdout);
      std::fprintf(stderr, "Fatal Python error: init_import_site: Failed to import the site module\n"
                           "Python runtime state: initialized\n");
      print_exception_and_clear();
      return false;
    }
  }
  if (!g_interp.warnoptions.empty()) {
    Result<Value> r = import_module(str_intern("warnings"));
    if (r.is_err()) print_exception_and_clear();
  }
  return true;
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

// Flush sys.stdout and sys.stderr (an error here is reported like CPython's
// "Exception ignored ... BrokenPipeError" and gives status 120). Runs before
// and after the modules are finalized, as CPython's flush_std_files does.
static void flush_std_streams(int* status) {
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
      if (*status == 0) *status = 120;
    }
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
  write_gil_outputs();  // before finalization clears the gil module's namespace
  flush_std_streams(&status);
  finalize_modules_at_exit();
  flush_std_streams(&status);
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

// The runtime without a program (the --dump-* tools and --precompile).
static bool bare_runtime() {
  bootstrap_runtime();
  register_all_native_modules();
  g_interp.modules = dict_new();
  Result<Value> b = make_builtins_module();
  if (b.is_err()) return false;
  g_interp.builtins = b.value().as<Module>();
  return true;
}

// -i, or PYTHONINSPECT (also set by the program itself through os.environ:
// CPython checks again after the program ends). PYTHONINSPECT gives a prompt
// only when stdin is a terminal, -i always (CPython's pymain_repl).
static bool want_inspect() {
  return (g_interp.inspect || python_env("PYTHONINSPECT")) && (g_interp.interactive || isatty(0));
}

// After the program: the interactive prompt if asked for, else shut down. With
// -i the program's exception (even SystemExit) is printed and the prompt follows.
static int run_repl(bool banner) {
  g_interp.inspect = false;  // SystemExit at the prompt exits
  // sys.__interactivehook__ (readline set-up) runs before a prompt on a
  // terminal; site.py's own is replaced by _gilpy_repl's, which keeps the
  // history in ~/.gilpy_history (src/lib/_gilpy_repl.py).
  if (isatty(0)) {
    Value hook = sys_get(str_intern("__interactivehook__"));
    if (hook) {
      Result<Value> mod = import_module(str_intern("_gilpy_repl"));
      Result<Value> chosen = mod.ok() ? call_method0(mod.value(), str_intern("interactive_hook")) : mod;
      if (chosen.is_err()) {
        print_exception_and_clear();
      } else if (!is_none(chosen.value()) && call0(chosen.value()).is_err()) {
        print_exception_and_clear();
      }
    }
  }
  int st = repl_main(banner);
  int f = finish(false);
  return st ? st : f;
}

// Under -i or PYTHONINSPECT, SystemExit does not exit: like any other
// exception it is printed (status 1 if no prompt follows).
static int after_program(bool failed) {
  int status = 0;
  if (failed && g_interp.inspect) {
    print_exception_and_clear();
    failed = false;
    status = 1;
  }
  if (want_inspect()) return run_repl(false);
  int f = finish(failed);
  return status ? status : f;
}

static Result<Value> run_main_code(Code* code, Module* main_mod) {
  TRY(ensure_main_loader(code));
  return run_code(code, main_mod->dict, Value(main_mod->dict));
}

// -m MODULE, and a folder or zip file run as the program (MODULE is then
// "__main__", found on sys.path[0]): runpy._run_module_as_main, as CPython
// does, with its messages ("No module named X", "can't find '__main__'
// module in ...", "X is a package and cannot be directly executed").
static Result<Value> run_with_runpy(const std::string& module, bool set_argv0) {
  Result<Value> runpy = import_module(str_intern("runpy"));
  if (runpy.is_err()) {
    std::fflush(stdout);
    std::fprintf(stderr, "Could not import runpy module\n");
    return ERR;
  }
  Value fn;
  if (getattr_opt(runpy.value(), str_intern("_run_module_as_main"), &fn).is_err() || !fn) {
    if (!exc_pending()) (void)raise(tp_AttributeError, "module 'runpy' has no attribute '_run_module_as_main'");
    std::fflush(stdout);
    std::fprintf(stderr, "Could not access runpy._run_module_as_main\n");
    return ERR;
  }
  return call2(fn, fs_str(module), Bool(set_argv0));
}

// A compiled file run as the program (CPython's run_pyc_file): the header of
// importlib's .pyc files (magic number, flags, two words), then the code
// object as marshal wrote it.
static constexpr unsigned char kPycMagic[4] = {0xa7, 0x0d, 0x0d, 0x0a};  // importlib's MAGIC_NUMBER (3495)
static bool is_pyc_file(const std::string& path, const std::string& data) {
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".pyc") == 0) return true;
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == kPycMagic[0] &&
         static_cast<unsigned char>(data[1]) == kPycMagic[1];
}
static Result<Code*> load_pyc(const std::string& data) {
  if (data.size() < 4 || std::memcmp(data.data(), kPycMagic, 4) != 0)
    return raise(tp_RuntimeError, "Bad magic number in .pyc file");
  Result<Value> v = data.size() >= 16 ? marshal_load_value(std::string_view(data).substr(16)) : Result<Value>(ERR);
  if (v.is_err() || !is_code(v.value())) {
    exc_clear();
    return raise(tp_RuntimeError, "Bad code object in .pyc file");
  }
  return v.value().as<Code>();
}

// Would zipimport take this file as an archive? A zip file ends with its
// end-of-central-directory record (followed by at most a 64 KiB comment).
static bool looks_like_zip(const std::string& data) {
  if (data.size() < 22) return false;
  size_t lo = data.size() > 65535 + 22 ? data.size() - 65535 - 22 : 0;
  for (size_t i = data.size() - 22 + 1; i-- > lo;)
    if (data.compare(i, 4, "PK\x05\x06", 4) == 0) return true;
  return false;
}
static bool zipimport_accepts(const std::string& path) {
  Result<Value> zi = import_module(str_intern("zipimport"));
  Value cls;
  if (zi.ok() && getattr_opt(zi.value(), str_intern("zipimporter"), &cls).ok() && cls && call1(cls, fs_str(path)).ok())
    return true;
  exc_clear();
  return false;
}

// sys.path[0] for a script: the folder of the file it really is (symbolic
// links resolved), as CPython computes it.
static std::string script_folder(const std::string& script, const std::string& abs) {
  char buf[PATH_MAX];
  if (::realpath(script.c_str(), buf)) return dirname_of(buf);
  return dirname_of(abs);
}

int run_main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  Invocation inv;
  int early = parse_options(args, &inv);  // also seeds the str hash: before any string exists
  if (early >= 0) return early;
  g_prog = inv.program;
  compute_paths(args.empty() ? "" : args[0]);
  const std::string& exe = g_interp.executable;
  if (inv.kind == RunKind::Tool) return bare_runtime() ? dump_tool(inv.tool, inv.tool_args[0]) : 1;
  if (inv.kind == RunKind::Precompile) return bare_runtime() ? precompile(inv.tool_args) : 1;

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
  Result<Value> s = make_sys_module(inv.prog_argv);
  if (s.is_err()) return finish(true);
  g_interp.sys = s.value().as<Module>();
  dict_set_str(g_interp.modules, str_intern("sys"), s.value());
  faulthandler_enable_at_startup();  // -X faulthandler, PYTHONFAULTHANDLER, -X dev
  // -X tracemalloc[=N], PYTHONTRACEMALLOC=N: trace from here on, as CPython's
  // init_interp_main does (before site and the program).
  if (g_interp.tracemalloc > 0 && !tracemalloc_start_at_startup(g_interp.tracemalloc)) {
    std::fflush(stdout);
    std::fprintf(stderr,
                 "Fatal Python error: init_interp_main: can't initialize tracemalloc\n"
                 "Python runtime state: core initialized\n"
                 "ValueError: the number of frames must be in range [1; 65535]\n\n"
                 "Current thread 0x%016lx (most recent call first):\n  <no Python frame>\n",
                 (unsigned long)pthread_self());
    return 1;
  }

  Module* main_mod = module_new("__main__");
  dict_set_str(main_mod->dict, N.__builtins__, Value(g_interp.builtins));
  dict_set_str(g_interp.modules, str_intern("__main__"), Value(main_mod));
  // BuiltinImporter until a script file's loader replaces it (a stand-in
  // until importlib is set up: import.cpp).
  set_main_loader(main_mod, MainLoader::Builtin, Value());
  set_sys_path();
  normalize_stdio_encoding();
  if (!import_startup_modules()) {
    finish(false);
    return 1;
  }

  if (inv.kind == RunKind::Command) {
    add_path0("");
    // The command is text already (CPython decodes it from the command line
    // and compiles the UTF-8 encoding): a coding cookie in it is ignored, and
    // bytes that are not UTF-8 cannot be run.
    Value text = fs_str(inv.command);
    if (codec_encode(as_str(text), "utf-8", "strict").is_err()) {
      std::fflush(stdout);
      std::fprintf(stderr, "Unable to decode the command from the command line:\n");
      print_exception_and_clear();
      finish(false);
      return 1;
    }
    Result<Code*> code = compiler::compile_source(inv.command, str_intern("<string>"), parser::Mode::Exec,
                                                  bytecode::PyCF_SOURCE_IS_UTF8);
    Result<Value> r = code.ok() ? run_main_code(code.value(), main_mod) : Result<Value>(ERR);
    return after_program(r.is_err());
  }
  if (inv.kind == RunKind::Module) {
    char cwd[PATH_MAX];
    add_path0(getcwd(cwd, sizeof cwd) ? cwd : ".");
    Result<Value> r = run_with_runpy(inv.module, true);
    return after_program(r.is_err());
  }
  if (inv.kind == RunKind::Script) {
    // The path as CPython makes it absolute: joined to the current folder,
    // not normalised (__file__ keeps "a/../b.py" as given).
    std::string abs = inv.script;
    if (abs.empty() || abs[0] != '/') {
      char cwd[PATH_MAX];
      abs = std::string(getcwd(cwd, sizeof cwd) ? cwd : ".") + "/" + abs;
    }
    struct stat st;
    bool folder = ::stat(abs.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    Result<std::string> src = folder ? Result<std::string>(std::string()) : read_file(abs);
    if (src.is_err()) {
      exc_clear();
      int e = errno;
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", exe.c_str(), abs.c_str(), e, std::strerror(e));
      return 2;
    }
    // A folder or a zip file with a __main__ module: found and run by runpy
    // from sys.path[0], which is the folder or file itself.
    if (folder || (looks_like_zip(src.value()) && zipimport_accepts(abs))) {
      add_path0(abs, true);
      Result<Value> r = run_with_runpy("__main__", false);
      return after_program(r.is_err());
    }
    std::string text = src.value();
    add_path0(script_folder(inv.script, abs));
    Value file = fs_str(abs);
    dict_set_str(main_mod->dict, N.__file__, file);
    dict_set_str(main_mod->dict, N.__cached__, None());
    Result<Code*> code = Result<Code*>(ERR);
    if (is_pyc_file(abs, text)) {
      set_main_loader(main_mod, MainLoader::Sourceless, file);
      code = load_pyc(text);
    } else {
      set_main_loader(main_mod, MainLoader::Source, file);
      // -x: the first line is not Python (a DOS-style #! line); it is blanked,
      // not removed, so line numbers stay those of the file (as CPython).
      if (g_interp.skip_first_line) {
        size_t nl = text.find('\n');
        text = nl == std::string::npos ? "" : text.substr(nl);
      }
      code = compiler::compile_source(text, as_str(file), parser::Mode::Exec, bytecode::GILPY_CF_SCRIPT_FILE);
    }
    Result<Value> r = code.ok() ? run_main_code(code.value(), main_mod) : Result<Value>(ERR);
    // As CPython's _PyRun_SimpleFileObject: __file__ and __cached__ go when the script ends.
    {
      Value e = r.is_err() ? exc_fetch() : Value();
      for (Str* k : {N.__file__, N.__cached__}) (void)dict_del_str(main_mod->dict, k);
      if (e) exc_restore(e);
    }
    return after_program(r.is_err());
  }
  add_path0("");
  bool tty = isatty(0);
  if (tty || g_interp.interactive) {
    // The banner before a prompt: stdin a terminal, or -i (CPython's
    // pymain_header); -q hides it.
    bool banner = !g_interp.quiet;
    if (banner) print_repl_banner();
    // PYTHONSTARTUP runs before an interactive prompt on a terminal, in __main__.
    if (tty && !inv.startup_file.empty()) {
      Result<std::string> st = read_file(inv.startup_file);
      if (st.is_err()) {
        exc_clear();
        int e = errno;
        std::fprintf(stderr, "Could not open PYTHONSTARTUP\nFileNotFoundError: [Errno %d] %s: '%s'\n", e,
                     std::strerror(e), inv.startup_file.c_str());
      } else {
        Result<Value> r = exec_source(st.value(), str_new(inv.startup_file), main_mod->dict, Value(),
                                      int(parser::Mode::Exec));
        if (r.is_err()) print_exception_and_clear();
      }
    }
    return run_repl(false);
  }
  std::string src;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(0, buf, sizeof buf)) > 0) src.append(buf, size_t(n));
  Result<Code*> code = compiler::compile_source(src, str_intern("<stdin>"), parser::Mode::Exec);
  Result<Value> r = code.ok() ? run_main_code(code.value(), main_mod) : Result<Value>(ERR);
  return after_program(r.is_err());
}

}  // namespace gilpy::cli
