// Where things are: sys.executable, the prefixes, gilpy's own install tree,
// and the virtual environment gilpy was started from (the part of CPython's
// getpath that applies to an interpreter whose library is Debian's).
//
// Two different paths matter. sys.executable is the path the user ran,
// made absolute but not resolved: inside a venv it is DIR/bin/python, a
// symlink, and site.py finds DIR/pyvenv.cfg from it. gilpy's own modules and
// precompiled library live next to the real binary (dist/bin/gilpy ->
// dist/lib/gilpy), found from /proc/self/exe, which is always resolved.
//
// sys.prefix is /usr, where Debian's python3.11 has it: site.py then adds
// Debian's dist-packages folders exactly as it does for python3.11, and in a
// venv moves sys.prefix to the venv itself (as CPython 3.11 does, site.py
// does that part; -S leaves sys.prefix at the base).
#include "cli/startup_paths.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "cli/options.h"
#include "runtime/interp.h"

namespace gilpy::cli {

std::string dirname_of(const std::string& p) {
  size_t s = p.rfind('/');
  if (s == std::string::npos) return ".";
  if (s == 0) return "/";
  return p.substr(0, s);
}

static std::string cwd() {
  char buf[PATH_MAX];
  return getcwd(buf, sizeof buf) ? buf : ".";
}

// os.path.normpath(os.path.abspath(p)): lexical, symlinks are kept.
std::string absolute_path(const std::string& p) {
  std::string full = !p.empty() && p[0] == '/' ? p : cwd() + "/" + p;
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= full.size()) {
    size_t s = full.find('/', pos);
    std::string part = full.substr(pos, s == std::string::npos ? std::string::npos : s - pos);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (s == std::string::npos) break;
    pos = s + 1;
  }
  std::string out;
  for (auto& part : parts) out += "/" + part;
  return out.empty() ? "/" : out;
}

static bool is_regular(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
static bool is_executable_file(const std::string& p) { return is_regular(p) && ::access(p.c_str(), X_OK) == 0; }

static std::string real_path(const std::string& p) {
  char buf[PATH_MAX];
  return ::realpath(p.c_str(), buf) ? buf : p;
}

static std::string self_exe() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  buf[n] = 0;
  return buf;
}

// The program as invoked: argv[0] with a slash is a path; a bare name was
// found on PATH by the shell, so search PATH the same way.
static std::string invoked_path(const std::string& argv0) {
  if (argv0.find('/') != std::string::npos) return absolute_path(argv0);
  if (!argv0.empty()) {
    const char* path = std::getenv("PATH");
    std::string ps = path ? path : "";
    size_t pos = 0;
    while (pos <= ps.size()) {
      size_t c = ps.find(':', pos);
      std::string dir = ps.substr(pos, c == std::string::npos ? std::string::npos : c - pos);
      std::string cand = (dir.empty() ? std::string(".") : dir) + "/" + argv0;
      if (is_executable_file(cand)) return absolute_path(cand);
      if (c == std::string::npos) break;
      pos = c + 1;
    }
  }
  return self_exe();
}

// pyvenv.cfg next to the executable or one folder up (getpath's rule). Only
// its presence matters here; site.py reads its keys. Any content, even
// malformed, is fine: nothing here parses it.
static std::string find_pyvenv_cfg(const std::string& exe) {
  std::string bin = dirname_of(exe);
  for (const std::string& dir : {bin, dirname_of(bin)}) {
    std::string cfg = (dir == "/" ? "" : dir) + "/pyvenv.cfg";
    if (is_regular(cfg)) return cfg;
  }
  return "";
}

void compute_paths(const std::string& argv0) {
  Interp& I = g_interp;
  std::string real = real_path(self_exe());
  I.install_dir = dirname_of(dirname_of(real));
  I.gilpy_lib_dir = I.install_dir + "/lib/gilpy";
  I.stdlib_dir = "/usr/lib/python3.11";

  const char* pe = python_env("PYTHONEXECUTABLE");
  I.executable = pe ? pe : invoked_path(argv0);
  // In a venv the base interpreter is the real gilpy binary the venv's
  // symlinks lead to (venv copies sys._base_executable into new venvs).
  I.base_executable = find_pyvenv_cfg(I.executable).empty() ? I.executable : real;

  // PYTHONHOME=prefix[:exec_prefix]; gilpy's library does not move with it.
  I.prefix = dirname_of(dirname_of(I.stdlib_dir));
  if (const char* home = python_env("PYTHONHOME")) {
    std::string h = home;
    size_t colon = h.find(':');
    I.prefix = h.substr(0, colon);
    if (colon != std::string::npos) I.exec_prefix = h.substr(colon + 1);
  }
  if (I.exec_prefix.empty()) I.exec_prefix = I.prefix;
  I.base_prefix = I.prefix;
}

}  // namespace gilpy::cli
