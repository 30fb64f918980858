// Calling Python functions: argument binding into a fresh frame (CPython's
// rules and messages), cells and closures, and generator creation.
#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "vm/call.h"

namespace gilpy {

using namespace bytecode;

static std::string quoted_list(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); i++) {
    if (i) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    s += "'" + names[i] + "'";
  }
  return s;
}

static Err missing_args(Function* f, const std::vector<std::string>& names, bool kwonly) {
  size_t n = names.size();
  return raise_fmt(tp_TypeError, "%s() missing %zu required %s argument%s: %s", f->qualname->data, n,
                   kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", quoted_list(names).c_str());
}

static Err too_many_positional(Function* f, int64_t given, int64_t given_kwonly) {
  Code* co = f->code;
  int64_t ndef = f->defaults ? f->defaults->size : 0;
  int64_t argc = co->argcount;
  std::string takes;
  if (ndef) takes = "from " + std::to_string(argc - ndef) + " to " + std::to_string(argc);
  else takes = std::to_string(argc);
  std::string kw;
  if (given_kwonly)
    kw = " positional argument" + std::string(given == 1 ? "" : "s") + " (and " + std::to_string(given_kwonly) +
         " keyword-only argument" + (given_kwonly == 1 ? "" : "s") + ")";
  return raise_fmt(tp_TypeError, "%s() takes %s positional argument%s but %lld%s %s given", f->qualname->data,
                   takes.c_str(), (argc == 1 && !ndef) ? "" : "s", (long long)given,
                   given_kwonly ? kw.c_str() : "", (given == 1 && !given_kwonly) ? "was" : "were");
}

// Bind args into f->slots. Returns ERR with TypeError on a mismatch.
static Status bind_args(Function* fn, Frame* fr, Value* args, int64_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  Value* fast = fr->slots;
  int64_t argc = co->argcount;
  int64_t total_named = argc + co->kwonlyargcount;
  int64_t n = nargs < argc ? nargs : argc;
  for (int64_t i = 0; i < n; i++) fast[i] = args[i];
  int64_t slot = total_named;
  if (co->flags & CO_VARARGS) {
    fast[slot++] = nargs > argc ? Value(tuple_from(args + argc, nargs - argc)) : Value(tuple_empty());
  }
  Dict* kwdict = nullptr;
  if (co->flags & CO_VARKEYWORDS) {
    kwdict = dict_new();
    fast[slot] = kwdict;
  }
  if (kwnames) {
    Value* kwvals = args + nargs;
    Value* names = co->varnames->items;
    for (int64_t k = 0; k < kwnames->size; k++) {
      Str* kn = as_str(kwnames->items[k]);
      int64_t j = co->posonlyargcount;
      for (; j < total_named; j++)
        if (names[j].obj() == kn) break;
      if (j == total_named) {
        for (j = co->posonlyargcount; j < total_named; j++)
          if (str_eq(as_str(names[j]), kn)) break;
      }
      if (j < total_named) {
        if (fast[j]) return raise_fmt(tp_TypeError, "%s() got multiple values for argument '%s'", fn->qualname->data, kn->data);
        fast[j] = kwvals[k];
        continue;
      }
      if (kwdict) {
        TRY(dict_set(kwdict, Value(kn), kwvals[k]));
        continue;
      }
      for (int64_t p = 0; p < co->posonlyargcount; p++) {
        if (!str_eq(as_str(names[p]), kn)) continue;
        // Name every positional-only parameter passed by keyword, as CPython does.
        std::string all;
        for (int64_t k2 = 0; k2 < kwnames->size; k2++) {
          Str* kn2 = as_str(kwnames->items[k2]);
          for (int64_t p2 = 0; p2 < co->posonlyargcount; p2++) {
            if (!str_eq(as_str(names[p2]), kn2)) continue;
            if (!all.empty()) all += ", ";
            all += kn2->view();
          }
        }
        return raise_fmt(tp_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                         fn->qualname->data, all.c_str());
      }
      return raise_fmt(tp_TypeError, "%s() got an unexpected keyword argument '%s'", fn->qualname->data, kn->data);
    }
  }
  if (nargs > argc && !(co->flags & CO_VARARGS)) {
    int64_t kwonly_given = 0;
    for (int64_t i = argc; i < total_named; i++) if (fast[i]) kwonly_given++;
    return too_many_positional(fn, nargs, kwonly_given);
  }
  if (nargs < argc) {
    int64_t ndef = fn->defaults ? fn->defaults->size : 0;
    int64_t first_def = argc - ndef;
    std::vector<std::string> missing;
    for (int64_t i = nargs; i < argc; i++) {
      if (fast[i]) continue;
      if (i >= first_def) fast[i] = fn->defaults->items[i - first_def];
      else missing.emplace_back(as_str(co->varnames->items[i])->view());
    }
    if (!missing.empty()) return missing_args(fn, missing, false);
  }
  if (co->kwonlyargcount) {
    std::vector<std::string> missing;
    for (int64_t i = argc; i < total_named; i++) {
      if (fast[i]) continue;
      Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, as_str(co->varnames->items[i])) : Value();
      if (d) fast[i] = d;
      else missing.emplace_back(as_str(co->varnames->items[i])->view());
    }
    if (!missing.empty()) return missing_args(fn, missing, true);
  }
  return OK();
}

// Cells for cellvars (initialised from their argument when they are one),
// then the closure's cells for freevars.
void frame_init_cells(Frame* fr, Function* fn) {
  Code* co = fn ? fn->code : fr->code;
  Value* cells = fr->slots + co->nlocals;
  for (int32_t i = 0; i < co->ncells; i++) {
    int32_t a = co->cell2arg ? co->cell2arg[i] : -1;
    cells[i] = cell_new(a >= 0 ? fr->slots[a] : Value());
  }
  if (fn && fn->closure) {
    Value* frees = cells + co->ncells;
    for (int32_t i = 0; i < co->nfrees && i < fn->closure->size; i++) frees[i] = fn->closure->items[i];
  }
}

Result<Value> call_function(Function* fn, Value* args, int64_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  // Code that is not a function body (a module's, made into a function by
  // types.FunctionType) reads and writes names in the globals, as in CPython.
  Frame* fr = frame_new(co, fn->globals, (co->flags & CO_OPTIMIZED) ? Value() : Value(fn->globals), fn);
  fr->builtins = fn->builtins;
  // Fast path: exact positional match, no defaults needed, no */** parameters.
  if (!kwnames && nargs == co->argcount && !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) && !co->kwonlyargcount) {
    for (int64_t i = 0; i < nargs; i++) fr->slots[i] = args[i];
  } else {
    TRY(bind_args(fn, fr, args, nargs, kwnames));
  }
  if (co->ncells || co->nfrees) frame_init_cells(fr, fn);
  if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
    return Value(generator_new(fr, fn));  // it owns the frame (f->gen: never recycled)
  }
  Result<Value> r = eval_frame(fr);
  frame_release(fr);
  return r;
}

}  // namespace gilpy
