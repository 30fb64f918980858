#include "runtime/line_reader.h"

#include <unistd.h>

namespace gilpy {

LineReader g_line_reader = nullptr;

bool line_reader_usable() { return g_line_reader && isatty(0) && isatty(1); }

}  // namespace gilpy
