// sys.executable, the prefixes, gilpy's install tree, venv detection.
#pragma once
#include <string>

namespace gilpy::cli {

// Fill g_interp's paths from argv[0], /proc/self/exe and the environment
// (after parse_options, which decides whether the environment counts).
void compute_paths(const std::string& argv0);

// os.path.normpath(os.path.abspath(p)), without resolving symlinks.
std::string absolute_path(const std::string& p);
std::string dirname_of(const std::string& p);

}  // namespace gilpy::cli
