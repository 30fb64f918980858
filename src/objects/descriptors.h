// staticmethod, classmethod and property objects.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Dict;
struct StaticMethod : Object {  // also classmethod
  Dict* dict;
  Value func;
};
struct Property : Object {
  Dict* dict;
  Value fget, fset, fdel, doc;
  Value name;
};

}  // namespace gilpy
