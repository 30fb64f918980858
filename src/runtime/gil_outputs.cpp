// gilpy's own -X options and the GIL recording's outputs (gil_outputs.h).
#include "runtime/gil_outputs.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/gil_events.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

GilOptions g_gil_options;
bool g_sigterm_unwinds = false;
bool g_terminated = false;
static bool g_written = false;

// Create (truncate) the file now, so that a path that cannot be written is
// reported before the program runs rather than lost at its end.
static std::string check_writable(const char* opt, const std::string& path) {
  if (path.empty()) return std::string("-X ") + opt + " needs a file name: -X " + opt + "=FILE";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return std::string("-X ") + opt + ": cannot write '" + path + "': " + std::strerror(errno);
  ::close(fd);
  return "";
}

std::string parse_gil_options(const std::vector<std::string>& xoptions, GilOptions* out) {
  for (const std::string& x : xoptions) {
    size_t eq = x.find('=');
    std::string key = x.substr(0, eq);
    bool has_value = eq != std::string::npos;
    std::string v = has_value ? x.substr(eq + 1) : "";
    if (key == "switch") {
      if (v == "every") out->mode = gil::Mode::Every;
      else if (v == "safepoints") out->mode = gil::Mode::SafePoints;
      else return "-X switch: unknown value '" + v + "' (expected 'every' or 'safepoints')";
    } else if (key == "gilstats") {
      if (has_value && v != "1" && v != "on") return "-X gilstats: unknown value '" + v + "' (use -X gilstats)";
      out->stats = true;
    } else if (key == "giltrace" || key == "gilreport") {
      std::string err = check_writable(key.c_str(), v);
      if (!err.empty()) return err;
      (key == "giltrace" ? out->trace : out->report) = v;
    } else if (key.rfind("gil", 0) == 0) {
      return "-X " + key + ": unknown gilpy option (expected gilstats, giltrace=FILE or gilreport=FILE)";
    }
  }
  return "";
}

void write_gil_outputs() {
  if (g_written || !g_gil_options.recording()) return;
  g_written = true;
  gil::stop_recording();
  Result<Value> r = ERR;
  Result<Value> mod = import_module(str_intern("gil"));
  if (mod.ok()) {
    Value args[3] = {Bool(g_gil_options.stats),
                     g_gil_options.trace.empty() ? None() : str_value(g_gil_options.trace),
                     g_gil_options.report.empty() ? None() : str_value(g_gil_options.report)};
    r = call_method(mod.value(), str_intern("_report_at_exit"), args, 3);
  }
  if (r.is_err()) {
    Value exc = exc_fetch();
    report_unraisable("gilpy: could not write the GIL recording: ", Value(str_intern("gil._report_at_exit")), exc);
  }
}

static std::string with_pid(const std::string& path, long pid) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  std::string suffix = "." + std::to_string(pid);
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == 0 ||
      (slash != std::string::npos && dot == slash + 1))
    return path + suffix;
  return path.substr(0, dot) + suffix + path.substr(dot);
}

void gil_outputs_after_fork() {
  g_written = false;
  long pid = long(::getpid());
  if (!g_gil_options.trace.empty()) g_gil_options.trace = with_pid(g_gil_options.trace, pid);
  if (!g_gil_options.report.empty()) g_gil_options.report = with_pid(g_gil_options.report, pid);
}

}  // namespace gilpy
