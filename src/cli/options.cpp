// Command-line options and PYTHON* environment variables, with CPython 3.11's
// meanings, precedence and messages (checked against /usr/bin/python3.11):
// options first, then the environment (ignored under -E/-I), then -X, which
// overrides the matching variable. A bad value of a known setting is a
// "Fatal Python error" (status 1), an unknown option a usage error (status 2).
#include "cli/options.h"

#include <sys/random.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <string>

#include "objects/str.h"
#include "runtime/interp.h"

namespace gilpy::cli {

static unsigned long long g_hash_seed = 0;
unsigned long long hash_seed() { return g_hash_seed; }

const char* python_env(const char* name) { return python_env_value(name); }

static const char* kUsage = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char* kHelp =
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "         and comparing bytes/bytearray with str. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output (for experts only, only works on\n"
    "         debug builds); also PYTHONDEBUG=x\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolate Python from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
    "         .pyc extension; also PYTHONOPTIMIZE=x\n"
    "-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
    "         .pyc extension\n"
    "-P     : don't prepend a potentially unsafe path to sys.path\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
    "         can be supplied multiple times to increase verbosity\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how Python invalidates hash-based .pyc files\n"
    "--help-env      : print help about Python environment variables and exit\n"
    "--help-xoptions : print help about implementation-specific -X options and exit\n"
    "--help-all      : print complete help information and exit\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "gilpy's own tools:\n"
    "--dump-tokens FILE : print the tokens of FILE (tokenize-module format)\n"
    "--dump-ast FILE    : print ast.dump() of FILE\n"
    "--dis FILE         : disassemble FILE's bytecode\n";

static const char* kHelpEnv =
    "Environment variables that change behavior:\n"
    "PYTHONSTARTUP: file executed on interactive startup (no default)\n"
    "PYTHONPATH   : ':'-separated list of directories prefixed to the\n"
    "               default module search path.  The result is sys.path.\n"
    "PYTHONSAFEPATH: don't prepend a potentially unsafe path to sys.path.\n"
    "PYTHONHOME   : alternate <prefix> directory (or <prefix>:<exec_prefix>).\n"
    "               The default module search path uses <prefix>/lib/pythonX.X.\n"
    "PYTHONPLATLIBDIR : override sys.platlibdir.\n"
    "PYTHONCASEOK : ignore case in 'import' statements (Windows).\n"
    "PYTHONUTF8: if set to 1, enable the UTF-8 mode.\n"
    "PYTHONIOENCODING: Encoding[:errors] used for stdin/stdout/stderr.\n"
    "PYTHONFAULTHANDLER: dump the Python traceback on fatal errors.\n"
    "PYTHONHASHSEED: if this variable is set to 'random', a random value is used\n"
    "   to seed the hashes of str and bytes objects.  It can also be set to an\n"
    "   integer in the range [0,4294967295] to get hash values with a\n"
    "   predictable seed.\n"
    "PYTHONINTMAXSTRDIGITS: limits the maximum digit characters in an int value\n"
    "   when converting from a string and when converting an int back to a str.\n"
    "   A value of 0 disables the limit.  Conversions to or from bases 2, 4, 8,\n"
    "   16, and 32 are never limited.\n"
    "PYTHONMALLOC: set the Python memory allocators and/or install debug hooks\n"
    "   on Python memory allocators. Use PYTHONMALLOC=debug to install debug\n"
    "   hooks.\n"
    "PYTHONCOERCECLOCALE: if this variable is set to 0, it disables the locale\n"
    "   coercion behavior. Use PYTHONCOERCECLOCALE=warn to request display of\n"
    "   locale coercion and locale compatibility warnings on stderr.\n"
    "PYTHONBREAKPOINT: if this variable is set to 0, it disables the default\n"
    "   debugger. It can be set to the callable of your debugger of choice.\n"
    "PYTHONDEVMODE: enable the development mode.\n"
    "PYTHONPYCACHEPREFIX: root directory for bytecode cache (pyc) files.\n"
    "PYTHONWARNDEFAULTENCODING: enable opt-in EncodingWarning for 'encoding=None'.\n"
    "PYTHONNODEBUGRANGES: If this variable is set, it disables the inclusion of the \n"
    "   tables mapping extra location information (end line, start column offset \n"
    "   and end column offset) to every instruction in code objects. This is useful \n"
    "   when smaller code objects and pyc files are desired as well as suppressing the \n"
    "   extra visual location indicators when the interpreter displays tracebacks.\n"
    "These variables have equivalent command-line parameters (see --help for details):\n"
    "PYTHONDEBUG             : enable parser debug mode (-d)\n"
    "PYTHONDONTWRITEBYTECODE : don't write .pyc files (-B)\n"
    "PYTHONINSPECT           : inspect interactively after running script (-i)\n"
    "PYTHONINTMAXSTRDIGITS   : limit max digit characters in an int value\n"
    "                          (-X int_max_str_digits=number)\n"
    "PYTHONNOUSERSITE        : disable user site directory (-s)\n"
    "PYTHONOPTIMIZE          : enable level 1 optimizations (-O)\n"
    "PYTHONUNBUFFERED        : disable stdout/stderr buffering (-u)\n"
    "PYTHONVERBOSE           : trace import statements (-v)\n"
    "PYTHONWARNINGS=arg      : warning control (-W arg)\n";

static const char* kHelpX =
    "The following implementation-specific options are available:\n"
    "\n"
    "-X faulthandler: enable faulthandler\n"
    "\n"
    "-X showrefcount: output the total reference count and number of used\n"
    "    memory blocks when the program finishes or after each statement in the\n"
    "    interactive interpreter. This only works on debug builds\n"
    "\n"
    "-X tracemalloc: start tracing Python memory allocations using the\n"
    "    tracemalloc module. By default, only the most recent frame is stored in a\n"
    "    traceback of a trace. Use -X tracemalloc=NFRAME to start tracing with a\n"
    "    traceback limit of NFRAME frames\n"
    "\n"
    "-X importtime: show how long each import takes. It shows module name,\n"
    "    cumulative time (including nested imports) and self time (excluding\n"
    "    nested imports). Note that its output may be broken in multi-threaded\n"
    "    application. Typical usage is python3 -X importtime -c 'import asyncio'\n"
    "\n"
    "-X dev: enable CPython's \"development mode\", introducing additional runtime\n"
    "    checks which are too expensive to be enabled by default. Effect of the\n"
    "    developer mode:\n"
    "       * Add default warning filter, as -W default\n"
    "       * Install debug hooks on memory allocators: see the PyMem_SetupDebugHooks()\n"
    "         C function\n"
    "       * Enable the faulthandler module to dump the Python traceback on a crash\n"
    "       * Enable asyncio debug mode\n"
    "       * Set the dev_mode attribute of sys.flags to True\n"
    "       * io.IOBase destructor logs close() exceptions\n"
    "\n"
    "-X utf8: enable UTF-8 mode for operating system interfaces, overriding the default\n"
    "    locale-aware mode. -X utf8=0 explicitly disables UTF-8 mode (even when it would\n"
    "    otherwise activate automatically)\n"
    "\n"
    "-X pycache_prefix=PATH: enable writing .pyc files to a parallel tree rooted at the\n"
    "    given directory instead of to the code tree\n"
    "\n"
    "-X warn_default_encoding: enable opt-in EncodingWarning for 'encoding=None'\n"
    "\n"
    "-X no_debug_ranges: disable the inclusion of the tables mapping extra location \n"
    "   information (end line, start column offset and end column offset) to every \n"
    "   instruction in code objects. This is useful when smaller code objects and pyc \n"
    "   files are desired as well as suppressing the extra visual location indicators \n"
    "   when the interpreter displays tracebacks.\n"
    "\n"
    "-X frozen_modules=[on|off]: whether or not frozen modules should be used.\n"
    "   The default is \"on\" (or \"off\" if you are running a local build).\n"
    "\n"
    "-X int_max_str_digits=number: limit the size of int<->str conversions.\n"
    "    This helps avoid denial of service attacks when parsing untrusted data.\n"
    "    The default is sys.int_info.default_max_str_digits.  0 disables.\n"
    "\n"
    "gilpy's own options:\n"
    "\n"
    "-X switch=every|safepoints: where a thread may lose the GIL (every bytecode, or\n"
    "    CPython's safe points: the default)\n"
    "-X gilstats: print a summary of what the GIL did at exit\n"
    "-X giltrace=FILE: write the GIL's events as Chrome trace-event JSON\n"
    "-X gilreport=FILE: write a self-contained HTML report of the GIL's events\n";

static int usage_error(const Invocation& inv, const std::string& msg) {
  std::fprintf(stderr, "%s\n", msg.c_str());
  std::fprintf(stderr, kUsage, inv.program.c_str());
  std::fprintf(stderr, "Try `python -h' for more information.\n");
  return 2;
}

// CPython's Py_FatalError during configuration: the function that failed,
// the message, and the runtime's state at that point.
static int fatal(const char* func, const std::string& msg, const char* state = "preinitialized") {
  std::fflush(stdout);
  if (func) std::fprintf(stderr, "Fatal Python error: %s: %s\n", func, msg.c_str());
  else std::fprintf(stderr, "Fatal Python error: %s\n", msg.c_str());
  std::fprintf(stderr, "Python runtime state: %s\n\n", state);
  return 1;
}

// A whole-string decimal integer (what _Py_str_to_int accepts).
static bool to_int(const char* s, long long* out) {
  if (!s || !*s) return false;
  char* end;
  errno = 0;
  long long v = std::strtoll(s, &end, 10);
  if (*end || errno) return false;
  *out = v;
  return true;
}

// _Py_get_env_flag: an integer value counts as that level, any other text as 1;
// the option and the variable combine by taking the larger.
static void env_flag(const char* name, int* flag) {
  const char* v = python_env(name);
  if (!v) return;
  long long n;
  if (!to_int(v, &n) || n < 0) n = 1;
  if (*flag < n) *flag = int(n);
}
static void env_bool(const char* name, bool* flag) {
  int v = *flag;
  env_flag(name, &v);
  *flag = v != 0;
}

// Defaults from the environment, applied before -X so -X wins.
static int read_environment(std::vector<std::string>* env_warnings) {
  Interp& I = g_interp;
  env_flag("PYTHONDEBUG", &I.debug);
  env_flag("PYTHONVERBOSE", &I.verbose);
  env_flag("PYTHONOPTIMIZE", &I.optimize);
  env_bool("PYTHONINSPECT", &I.inspect);
  env_bool("PYTHONDONTWRITEBYTECODE", &I.dont_write_bytecode);
  env_bool("PYTHONNOUSERSITE", &I.no_user_site);
  env_bool("PYTHONUNBUFFERED", &I.unbuffered);
  if (python_env("PYTHONSAFEPATH")) I.safe_path = true;
  if (python_env("PYTHONDEVMODE")) I.dev_mode = true;
  if (python_env("PYTHONNODEBUGRANGES")) I.no_debug_ranges = true;
  if (python_env("PYTHONWARNDEFAULTENCODING")) I.warn_default_encoding = true;
  if (python_env("PYTHONPROFILEIMPORTTIME")) I.importtime = true;
  if (const char* v = python_env("PYTHONPLATLIBDIR")) I.platlibdir = v;
  if (const char* v = python_env("PYTHONPYCACHEPREFIX")) I.pycache_prefix = v;
  if (const char* v = python_env("PYTHONIOENCODING")) {
    std::string s = v;
    size_t colon = s.find(':');
    I.io_encoding = s.substr(0, colon);
    if (colon != std::string::npos) I.io_errors = s.substr(colon + 1);
  }
  if (const char* v = python_env("PYTHONWARNINGS")) {
    std::string s = v;
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t c = s.find(',', pos);
      std::string part = s.substr(pos, c == std::string::npos ? std::string::npos : c - pos);
      if (!part.empty()) env_warnings->push_back(part);
      if (c == std::string::npos) break;
      pos = c + 1;
    }
  }
  if (const char* v = python_env("PYTHONUTF8")) {
    if (std::strcmp(v, "1") == 0) I.utf8_mode = 1;
    else if (std::strcmp(v, "0") == 0) I.utf8_mode = 0;
    else return fatal("preconfig_init_utf8_mode", "invalid PYTHONUTF8 environment variable value", "preinitializing");
  }
  if (const char* v = python_env("PYTHONMALLOC")) {
    static const char* kinds[] = {"default", "debug", "malloc", "malloc_debug", "pymalloc", "pymalloc_debug"};
    bool ok = false;
    for (const char* k : kinds) ok = ok || std::strcmp(v, k) == 0;
    if (!ok) return fatal("preconfig_init_allocator", "PYTHONMALLOC: unknown allocator", "preinitializing");
  }
  // Any C int >= 0 (0: off); one above tracemalloc's limit fails later, at
  // start-up (cli/run.cpp), as in CPython.
  if (const char* v = python_env("PYTHONTRACEMALLOC")) {
    long long n;
    if (!to_int(v, &n) || n < 0 || n > INT_MAX)
      return fatal("config_init_tracemalloc", "PYTHONTRACEMALLOC: invalid number of frames");
    I.tracemalloc = int(n);
  }
  if (const char* v = python_env("PYTHONINTMAXSTRDIGITS")) {
    long long n;
    if (!to_int(v, &n) || (n != 0 && n < 640))
      return fatal("config_init_int_max_str_digits",
                   "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.");
    I.int_max_str_digits = int(n);
  }
  // PYTHONHASHSEED: "random" or unset picks a fresh seed for this process;
  // an integer fixes it, and 0 turns randomisation off (sys.flags.hash_randomization).
  const char* seed = python_env("PYTHONHASHSEED");
  if (seed && std::strcmp(seed, "random") != 0) {
    char* end;
    errno = 0;
    unsigned long long n = std::strtoull(seed, &end, 10);
    if (*end || errno || n > 4294967295ull || seed[0] == '-')
      return fatal("config_init_hash_seed", "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]");
    g_hash_seed = n;
    I.hash_randomization = n != 0;
    str_set_hash_seed(g_hash_seed, true);
  } else {
    unsigned long long r = 0;
    if (getrandom(&r, sizeof r, GRND_NONBLOCK) != sizeof r) r = (unsigned long long)(uintptr_t)&r ^ (unsigned long long)time(nullptr);
    g_hash_seed = r ? r : 1;
    str_set_hash_seed(g_hash_seed, false);
  }
  return -1;
}

// The -X options CPython knows (gilpy's own are checked by parse_gil_options).
static int read_xoptions() {
  Interp& I = g_interp;
  bool seen_tracemalloc = false, seen_frozen = false;
  for (const std::string& x : I.xoptions) {
    size_t eq = x.find('=');
    std::string key = x.substr(0, eq);
    bool has = eq != std::string::npos;
    std::string v = has ? x.substr(eq + 1) : "";
    if (key == "dev") I.dev_mode = true;
    else if (key == "importtime") I.importtime = true;
    else if (key == "no_debug_ranges") I.no_debug_ranges = true;
    else if (key == "warn_default_encoding") I.warn_default_encoding = true;
    else if (key == "utf8") {
      if (!has || v == "1") I.utf8_mode = 1;
      else if (v == "0") I.utf8_mode = 0;
      else return fatal("preconfig_init_utf8_mode", "invalid -X utf8 option value", "preinitializing");
    } else if (key == "int_max_str_digits") {
      long long n;
      if (!has || !to_int(v.c_str(), &n) || (n != 0 && n < 640))
        return fatal("config_init_int_max_str_digits",
                     "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.");
      I.int_max_str_digits = int(n);
    } else if (key == "frozen_modules") {
      // "-X frozen_modules" and "-X frozen_modules=" mean on, as in CPython,
      // where the first -X frozen_modules counts (config_get_xoption).
      if (seen_frozen) continue;
      seen_frozen = true;
      if (has && !v.empty() && v != "on" && v != "off")
        return fatal(nullptr, "bad value for option -X frozen_modules (expected \"on\" or \"off\")");
      I.frozen_modules = v != "off";
    } else if (key == "tracemalloc" && !seen_tracemalloc) {
      // The first -X tracemalloc counts (CPython's config_get_xoption); it
      // overrides PYTHONTRACEMALLOC.
      seen_tracemalloc = true;
      // An empty number reads as 0 (wcstol's), which turns tracing off.
      long long n = has ? 0 : 1;
      if (has && !v.empty() && (!to_int(v.c_str(), &n) || n < 0 || n > INT_MAX))
        return fatal("config_init_tracemalloc", "-X tracemalloc=NFRAME: invalid number of frames");
      I.tracemalloc = int(n);
    } else if (key == "pycache_prefix") {
      // A bare -X pycache_prefix (or an empty value) means none, whatever
      // PYTHONPYCACHEPREFIX says, as in CPython.
      I.pycache_prefix = has ? v : "";
    }
    // faulthandler, showrefcount and unknown names: accepted.
  }
  return -1;
}

int parse_options(const std::vector<std::string>& args, Invocation* inv) {
  Interp& I = g_interp;
  inv->program = args.empty() ? "gilpy" : args[0];
  I.orig_argv = args;
  std::vector<std::string> cmd_warnings;
  int print_version = 0;
  size_t i = 1;
  bool done = false;
  for (; i < args.size() && !done; i++) {
    const std::string& a = args[i];
    if (a == "--dump-tokens" || a == "--dump-ast" || a == "--dis" || a == "--attributes") {
      if (i + 1 >= args.size()) return usage_error(*inv, "Argument expected for the " + a + " option");
      inv->kind = RunKind::Tool;
      inv->tool = a;
      inv->tool_args.push_back(args[i + 1]);
      return -1;
    }
    if (a == "--precompile") {
      inv->kind = RunKind::Precompile;
      inv->tool_args.assign(args.begin() + long(i) + 1, args.end());
      return -1;
    }
    if (a == "-") { inv->explicit_stdin = true; i++; break; }
    if (a == "--") { i++; break; }
    if (a.size() < 2 || a[0] != '-') break;
    if (a.rfind("--", 0) == 0) {
      std::string name = a.substr(2);
      if (name == "help") { std::printf(kUsage, inv->program.c_str()); std::fputs(kHelp, stdout); return 0; }
      if (name == "help-env") { std::fputs(kHelpEnv, stdout); return 0; }
      if (name == "help-xoptions") { std::fputs(kHelpX, stdout); return 0; }
      if (name == "help-all") {
        std::printf(kUsage, inv->program.c_str());
        std::fputs(kHelp, stdout); std::fputs(kHelpEnv, stdout); std::fputs(kHelpX, stdout);
        return 0;
      }
      if (name == "version") { print_version++; continue; }
      if (name == "check-hash-based-pycs") {
        if (i + 1 >= args.size()) return usage_error(*inv, "Argument expected for the --check-hash-based-pycs options");
        const std::string& v = args[++i];
        if (v != "default" && v != "always" && v != "never")
          return usage_error(*inv, "--check-hash-based-pycs must be one of 'default', 'always', or 'never'");
        continue;
      }
      return usage_error(*inv, "unknown option " + a);
    }
    // Bundled single-letter options: -uB, -c cmd, -ccmd, -Xfoo, -X foo ...
    for (size_t k = 1; k < a.size() && !done; k++) {
      char c = a[k];
      std::string val;
      if (c == 'c' || c == 'm' || c == 'W' || c == 'X') {
        if (k + 1 < a.size()) val = a.substr(k + 1);
        else if (i + 1 < args.size()) val = args[++i];
        else return usage_error(*inv, std::string("Argument expected for the -") + c + " option");
        k = a.size();
      }
      switch (c) {
        case 'c': inv->kind = RunKind::Command; inv->command = val; done = true; break;
        case 'm': inv->kind = RunKind::Module; inv->module = val; done = true; break;
        case 'X': I.xoptions.push_back(val); break;
        case 'W': cmd_warnings.push_back(val); break;
        case 'b': I.bytes_warning++; break;
        case 'B': I.dont_write_bytecode = true; break;
        case 'd': I.debug++; break;
        case 'E': I.ignore_environment = true; break;
        case 'h': case '?': std::printf(kUsage, inv->program.c_str()); std::fputs(kHelp, stdout); return 0;
        case 'i': I.inspect = I.interactive = true; break;
        case 'I': I.isolated = I.ignore_environment = I.no_user_site = I.safe_path = true; break;
        case 'O': I.optimize++; break;
        case 'P': I.safe_path = true; break;
        case 'q': I.quiet = true; break;
        case 'R': break;  // hash randomisation is on by default since 3.3
        case 's': I.no_user_site = true; break;
        case 'S': I.no_site = true; break;
        case 'u': I.unbuffered = true; break;
        case 'v': I.verbose++; break;
        case 'V': print_version++; break;
        case 'x': I.skip_first_line = true; break;
        default: return usage_error(*inv, std::string("Unknown option: -") + c);
      }
    }
  }
  if (print_version) {
    std::printf("Python %s\n", print_version > 1 ? kSysVersion : "3.11.2");
    return 0;
  }
  if (inv->kind == RunKind::Command) inv->prog_argv.push_back("-c");
  else if (inv->kind == RunKind::Module) inv->prog_argv.push_back("-m");  // runpy puts the module's path there
  else if (!inv->explicit_stdin && i < args.size()) {
    inv->kind = RunKind::Script;
    inv->script = args[i++];
    inv->prog_argv.push_back(inv->script);
  } else {
    inv->prog_argv.push_back(inv->explicit_stdin ? "-" : "");
  }
  for (; i < args.size(); i++) inv->prog_argv.push_back(args[i]);

  std::vector<std::string> env_warnings;
  int st = read_environment(&env_warnings);
  if (st >= 0) return st;
  st = read_xoptions();
  if (st >= 0) return st;
  // PEP 540: without PYTHONUTF8 or -X utf8, UTF-8 mode is on exactly when
  // the LC_CTYPE locale is "C" or "POSIX" (as the environment sets it).
  if (I.utf8_mode < 0) {
    const char* ctype = nullptr;
    for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
      const char* v = std::getenv(var);
      if (v && *v) {
        ctype = v;
        break;
      }
    }
    I.utf8_mode = !ctype || std::strcmp(ctype, "C") == 0 || std::strcmp(ctype, "POSIX") == 0 ? 1 : 0;
  }
  if (const char* v = python_env("PYTHONSTARTUP")) inv->startup_file = v;
  // sys.warnoptions, lowest priority first (the warnings module lets later
  // filters win): -X dev, PYTHONWARNINGS, -W, then -b/-bb.
  I.warnoptions.clear();
  if (I.dev_mode) I.warnoptions.push_back("default");
  for (auto& w : env_warnings) I.warnoptions.push_back(w);
  for (auto& w : cmd_warnings) I.warnoptions.push_back(w);
  if (I.bytes_warning) I.warnoptions.push_back(I.bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning");
  return -1;
}

}  // namespace gilpy::cli
