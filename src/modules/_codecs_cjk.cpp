// _codecs_jp, _codecs_cn, _codecs_kr, _codecs_tw, _codecs_hk, _codecs_iso2022:
// the per-language modules CPython's encodings/*.py ask for a codec
// (`_codecs_jp.getcodec('shift_jis')`). Each is only a getcodec(); the codecs
// themselves, and which names each module serves, live in _multibytecodec.cpp.
#include "modules/_multibytecodec.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/type.h"
#include "runtime/interp.h"

namespace gilpy {

namespace {

template <const char* Name>
Result<Value> getcodec(Value* a, int64_t n, Tuple* kw) {
  return mbc_getcodec(Name, a, n, kw);
}

template <const char* Name>
Result<Value> init() {
  static const MethodDef functions[] = {{"getcodec", getcodec<Name>, MethKind::Method}, {nullptr, nullptr}};
  return Value(native_module_new(Name, functions));
}

constexpr char kJp[] = "_codecs_jp";
constexpr char kCn[] = "_codecs_cn";
constexpr char kKr[] = "_codecs_kr";
constexpr char kTw[] = "_codecs_tw";
constexpr char kHk[] = "_codecs_hk";
constexpr char kIso[] = "_codecs_iso2022";

// GILPY_NATIVE_MODULE names one registrar per file; six modules need six.
ModuleRegistrar reg_jp(kJp, init<kJp>);
ModuleRegistrar reg_cn(kCn, init<kCn>);
ModuleRegistrar reg_kr(kKr, init<kKr>);
ModuleRegistrar reg_tw(kTw, init<kTw>);
ModuleRegistrar reg_hk(kHk, init<kHk>);
ModuleRegistrar reg_iso(kIso, init<kIso>);

}  // namespace

}  // namespace gilpy
