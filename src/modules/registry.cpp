// The table of native modules: each modules/<name>.cpp exports an init
// function; this file registers them all at start-up.
#include "runtime/interp.h"

namespace gilpy {

void register_all_native_modules() {
  // Native modules register here as they are written (see docs/status.md).
}

}  // namespace gilpy
