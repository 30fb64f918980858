// Frozen modules (see frozen.h and docs/decisions/0020-frozen-modules.md).
#include "runtime/frozen.h"

#include <sys/stat.h>

#include "compiler/compile.h"
#include "objects/code.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/interp.h"

namespace gilpy {

Result<Code*> load_source_code(const std::string& path, bool force_write);  // runtime/import.cpp

// CPython 3.11's frozen modules (Python/frozen.c's tables: the bootstrap
// modules, the stdlib modules start-up and -m need, and the test modules),
// in the order _imp._frozen_module_names() lists them.
static const FrozenModule kFrozen[] = {
    {"_frozen_importlib", "importlib._bootstrap", false, true, nullptr},
    {"_frozen_importlib_external", "importlib._bootstrap_external", false, true, nullptr},
    {"zipimport", "zipimport", false, true, nullptr},
    {"abc", "abc", false, false, nullptr},
    {"codecs", "codecs", false, false, nullptr},
    {"io", "io", false, false, nullptr},
    {"_collections_abc", "_collections_abc", false, false, nullptr},
    {"_sitebuiltins", "_sitebuiltins", false, false, nullptr},
    {"genericpath", "genericpath", false, false, nullptr},
    {"ntpath", "ntpath", false, false, nullptr},
    {"posixpath", "posixpath", false, false, nullptr},
    {"os.path", "posixpath", false, false, nullptr},
    {"os", "os", false, false, nullptr},
    {"site", "site", false, false, nullptr},
    {"stat", "stat", false, false, nullptr},
    {"importlib.util", "importlib.util", false, false, nullptr},
    {"importlib.machinery", "importlib.machinery", false, false, nullptr},
    {"runpy", "runpy", false, false, nullptr},
    {"__hello__", "__hello__", false, false, nullptr},
    {"__hello_alias__", "__hello__", false, false, nullptr},
    {"__phello_alias__", "__hello__", true, false, nullptr},
    {"__phello_alias__.spam", "__hello__", false, false, nullptr},
    {"__phello__", "__phello__", true, false, nullptr},
    {"__phello__.__init__", "<__phello__", false, false, nullptr},
    // Debian's library has no __phello__/ham: CPython's files are empty.
    {"__phello__.ham", "__phello__.ham", true, false, ""},
    {"__phello__.ham.__init__", "<__phello__.ham", false, false, ""},
    {"__phello__.ham.eggs", "__phello__.ham.eggs", false, false, ""},
    {"__phello__.spam", "__phello__.spam", false, false, nullptr},
    // Frozen from CPython's Tools/freeze/flag.py, which no library has.
    {"__hello_only__", nullptr, false, false, "initialized = True\nprint(\"Hello world!\")\n"},
};

static int g_override = 0;

void frozen_set_override(int override) { g_override = override; }

static bool frozen_in_use() { return g_override > 0 || (g_override == 0 && g_interp.frozen_modules); }

const FrozenModule* frozen_find(std::string_view name) {
  bool all = frozen_in_use();
  for (const FrozenModule& m : kFrozen)
    if ((all || m.bootstrap) && name == m.name) return &m;
  return nullptr;
}

Result<List*> frozen_names() {
  List* l = list_new(0);
  bool all = frozen_in_use();
  for (const FrozenModule& m : kFrozen)
    if (all || m.bootstrap) TRY(list_append(l, Value(str_new(m.name))));
  return l;
}

void frozen_resolve_filename(const FrozenModule* m, std::string* filename, std::string* pkgdir) {
  filename->clear();
  pkgdir->clear();
  if (!m->origname || g_interp.stdlib_dir.empty()) return;
  std::string full = m->origname;
  bool ispkg = m->ispkg;
  if (full != m->name) {
    if (full[0] == '<') {
      full = full.substr(1);
      if (!ispkg) full += ".__init__";
    } else {
      ispkg = false;
    }
  }
  for (char& c : full)
    if (c == '.') c = '/';
  if (ispkg) {
    *pkgdir = g_interp.stdlib_dir + "/" + full;
    *filename = *pkgdir + "/__init__.py";
  } else {
    *filename = g_interp.stdlib_dir + "/" + full + ".py";
  }
}

void code_set_filename(Code* code, Str* filename) {
  code->filename = filename;
  for (int64_t i = 0; i < code->consts->size; i++) {
    Value k = code->consts->items[i];
    if (is_code(k)) code_set_filename(k.as<Code>(), filename);
  }
}

Result<Code*> frozen_code(const FrozenModule* m) {
  std::string origname = m->origname ? m->origname : "frozen_only";
  if (origname[0] == '<') origname = origname.substr(1);
  Str* name = str_new("<frozen " + origname + ">");
  if (m->source) return compiler::compile_source(m->source, name, parser::Mode::Exec);
  std::string filename, pkgdir;
  frozen_resolve_filename(m, &filename, &pkgdir);
  Code* code = TRY(load_source_code(filename, false));
  code_set_filename(code, name);
  return code;
}

}  // namespace gilpy
