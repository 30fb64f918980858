# Slot wrappers: dunders of builtin types are wrapper_descriptor objects, bound they are method-wrapper.
import types, inspect
print(object.__init__, type(object.__init__).__name__, type((1).__add__).__name__, type([].append).__name__)
print(repr((1).__add__).split(' at ')[0], (1).__add__(2), int.__add__(3, 4), (1).__add__.__self__, (1).__add__.__qualname__)
print(list.__getitem__, dict.__contains__, list.__len__, str.join, repr(dict.fromkeys).split(" at ")[0])
print(types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType)
print(inspect.ismethoddescriptor(object.__init__), callable((1).__add__), inspect.isbuiltin((1).__add__))
class C:
    pass
print(C.__init__, C().__init__.__name__, C.__repr__ is object.__repr__)
print(type(C().__str__).__name__, C().__str__.__objclass__ if hasattr(C().__str__, '__objclass__') else None)
try: int.__add__('a', 1)
except TypeError as e: print(e)
try: object.__init__()
except TypeError as e: print(e)
import collections
print(type(collections.deque.__init__).__name__)
print(sorted([3,1,2], key=int.__neg__), list(map(str.__len__, ['ab', 'c'])))
