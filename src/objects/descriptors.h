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
  Value fget, fset, fdel, doc;  // doc: an exact property's; a subclass keeps it in its instance dict
  Value name;
  bool getter_doc;  // doc came from fget.__doc__: getter() takes the new function's
};

}  // namespace gilpy
