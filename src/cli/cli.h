// Command-line entry point (python3-compatible options).
#pragma once

namespace gilpy::cli {
int run_main(int argc, char** argv);
}
