# Each name in types names the type CPython gives it.
import sys
import types

print([n for n in dir(types) if not n.startswith("__")])
for n in dir(types):
    v = getattr(types, n)
    if isinstance(v, type):
        print(n, v.__name__, v.__module__, v.__qualname__)


def g():
    yield 1


async def c():
    pass


async def ag():
    yield 1


class K:
    __slots__ = ("s",)


co = c()
checks = {
    "builtin function": type(len) is types.BuiltinFunctionType,
    "builtin method": type([].append) is types.BuiltinMethodType,
    "method descriptor": type(str.join) is types.MethodDescriptorType,
    "wrapper descriptor": type(object.__init__) is types.WrapperDescriptorType,
    "method wrapper": type(object().__str__) is types.MethodWrapperType,
    "classmethod descriptor": type(dict.__dict__["fromkeys"]) is types.ClassMethodDescriptorType,
    "getset": type(types.FunctionType.__dict__["__code__"]) is types.GetSetDescriptorType,
    "member": type(types.FunctionType.__dict__["__globals__"]) is types.MemberDescriptorType,
    "slot member": type(K.__dict__["s"]) is types.MemberDescriptorType,
    "function": type(g) is types.FunctionType is types.LambdaType,
    "generator": isinstance(g(), types.GeneratorType),
    "coroutine": isinstance(co, types.CoroutineType),
    "async generator": isinstance(ag(), types.AsyncGeneratorType),
    "frame": type(sys._getframe()) is types.FrameType,
    "code": type(g.__code__) is types.CodeType,
    "cell": type((lambda: co).__closure__) is type(None),
    "none": type(None) is types.NoneType,
    "notimplemented": type(NotImplemented) is types.NotImplementedType,
    "ellipsis": type(...) is types.EllipsisType,
    "union": type(int | str) is types.UnionType,
    "generic alias": type(list[int]) is types.GenericAlias,
    "module": type(sys) is types.ModuleType,
    "mappingproxy": type(type.__dict__) is types.MappingProxyType,
}
co.close()
for k, v in checks.items():
    print(k, v)
print(types.NoneType(), types.NotImplementedType(), types.EllipsisType(), types.GenericAlias(list, int))
for t in (types.FunctionType, types.CodeType, types.CellType, types.MethodType, types.BuiltinFunctionType):
    print(t.__name__, t.__module__)
