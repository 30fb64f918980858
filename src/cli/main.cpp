// gilpy's command line: python3-compatible options, then run a script, -c
// code, -m module, or stdin. All real work is in runtime/ (see cli/run.cpp).
#include "cli/cli.h"

int main(int argc, char** argv) { return gilpy::cli::run_main(argc, argv); }
