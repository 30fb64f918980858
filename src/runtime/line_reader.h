// The terminal line reader that input() and the interactive prompt use: set
// when the readline module is imported (modules/readline.cpp), null until then.
#pragma once
#include <string>

#include "runtime/object.h"

namespace gilpy {

// Shows `prompt` and reads one line from the terminal with line editing: true
// with the line (no newline), false at end of input (Ctrl-D), ERR when a
// signal handler raised while it waited (KeyboardInterrupt). Called with the
// GIL held; releases it only while waiting for a key.
using LineReader = Result<bool> (*)(const char* prompt, std::string* line);
extern LineReader g_line_reader;

// True when stdin and stdout are terminals and a line reader is installed.
bool line_reader_usable();

}  // namespace gilpy
