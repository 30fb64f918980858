class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin): pass
class B(Plugin, name='bee'): pass
class C(B): pass
print(Plugin.registry, C.plugin_name)
try:
    class D(Plugin, unknown=1): pass
except TypeError as e:
    print(e)
class Named:
    def __set_name__(self, owner, name):
        self.owner, self.name = owner.__name__, name
class Host:
    first = Named()
    second = Named()
print(Host.first.owner, Host.first.name, Host.second.name)
