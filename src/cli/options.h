// The command line and the PYTHON* environment variables, parsed the way
// CPython 3.11 parses them (Python/getopt.c, Python/initconfig.c): options
// set g_interp's flags; what to run comes back in an Invocation.
#pragma once
#include <string>
#include <vector>

namespace gilpy::cli {

enum class RunKind { Stdin, Script, Command, Module, Tool, Precompile };

struct Invocation {
  RunKind kind = RunKind::Stdin;
  std::string program;                 // argv[0], for usage messages
  std::string command, module, script; // -c CMD / -m MOD / the script path
  std::string tool;                    // --dump-tokens, --dump-ast, --dis, --attributes
  std::vector<std::string> tool_args;  // its file, or --precompile's folders
  std::vector<std::string> prog_argv;  // sys.argv
  std::string startup_file;            // PYTHONSTARTUP (run before an interactive prompt)
  bool explicit_stdin = false;         // "-" was given
};

// Parse `args` (argv) and the environment. Returns -1 to go on, or the exit
// status when nothing is to run: help or version printed (0), a usage error
// (2) or a fatal configuration error such as PYTHONHASHSEED=abc (1), each
// reported on stderr with CPython's wording.
int parse_options(const std::vector<std::string>& args, Invocation* inv);

// A PYTHON* variable, or null when unset, empty, or -E/-I is in effect.
const char* python_env(const char* name);

// The str/bytes hash seed chosen from PYTHONHASHSEED (random when unset).
unsigned long long hash_seed();

}  // namespace gilpy::cli
