// gilpy's own -X options (switch=, gilstats, giltrace=, gilreport=): checked
// at start-up, and the recording written out however the program ends
// (normal exit, uncaught exception, sys.exit, KeyboardInterrupt, SIGTERM,
// os._exit; in every process of a program that forks).
#pragma once
#include <string>
#include <vector>

#include "runtime/gil.h"

namespace gilpy {

struct GilOptions {
  gil::Mode mode = gil::Mode::SafePoints;
  bool stats = false;     // -X gilstats: summary on stderr at exit
  std::string trace;      // -X giltrace=FILE: Chrome trace-event JSON
  std::string report;     // -X gilreport=FILE: self-contained HTML
  bool recording() const { return stats || !trace.empty() || !report.empty(); }
};
extern GilOptions g_gil_options;

// Parse gilpy's -X options (others are left for sys._xoptions). On a bad
// value or an output file that cannot be written, returns the message to
// print (the caller exits with status 2); else "".
std::string parse_gil_options(const std::vector<std::string>& xoptions, GilOptions* out);

// With the GIL held: write the requested outputs (once; later calls do
// nothing). Errors are reported on stderr.
void write_gil_outputs();
// In a forked child: the outputs get the child's pid before the extension.
void gil_outputs_after_fork();

// SIGTERM while recording: the main thread unwinds with SystemExit, the
// outputs are written, and the process then dies of SIGTERM as it would have.
extern bool g_sigterm_unwinds;   // recording installed its SIGTERM handler
extern bool g_terminated;        // SIGTERM arrived

}  // namespace gilpy
