# Custom sys.meta_path finders: imports go through importlib (find_spec, loaders, parents), standard finders still work.
import sys, importlib.abc, importlib.machinery, importlib.util

class Loader(importlib.abc.Loader):
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.GREETING = "hello from " + module.__name__
        module.loaded_by = type(self).__name__

class Finder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.asked = []
    def find_spec(self, name, path, target=None):
        self.asked.append(name)
        if name.startswith("virtual"):
            return importlib.machinery.ModuleSpec(name, Loader(), is_package=name == "virtual")
        return None

f = Finder()
sys.meta_path.insert(0, f)
import virtual
import virtual.sub
from virtual import other
print(virtual.GREETING, virtual.sub.GREETING, other.GREETING, virtual.loaded_by)
print(virtual.__spec__.name, virtual.sub.__spec__.parent, type(virtual.__loader__).__name__)
import json                      # standard finders still work behind it
print(json.dumps([1]), "json" in f.asked)
try:
    import nosuchmodule_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, "nosuchmodule_xyz" in f.asked)
sys.meta_path.remove(f)

class Blocker:
    def find_spec(self, name, path, target=None):
        if name == "blocked_mod":
            raise ImportError("blocked: " + name)
        return None
sys.meta_path.insert(0, Blocker())
try:
    import blocked_mod
except ImportError as e:
    print("ImportError", e)
import textwrap
print(textwrap.shorten("a b c d e f", 7))
