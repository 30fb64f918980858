import sys, importlib, importlib.util, importlib.resources, importlib.metadata
import pkg, pkg.mod
print(pkg.__spec__.name, type(pkg.__loader__).__name__, pkg.__spec__.submodule_search_locations)
print(sys.modules["sys"].__spec__.name, sys.__loader__.__name__)
import json
print(json.__spec__.origin, type(json.__loader__).__name__)
spec = importlib.util.spec_from_file_location("m2", "pkg/mod.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); print(m.Y)
pkg.mod.Y = 5; importlib.reload(pkg.mod); print(pkg.mod.Y)
print(importlib.resources.files("pkg").joinpath("data.txt").read_text())
print(sorted(sys.path_importer_cache)[:2] != [], len(sys.path_hooks))
dists = list(importlib.metadata.distributions())
print(len(dists) >= 0)
try: print(importlib.metadata.version("pytest") > "7")
except Exception as e: print(type(e).__name__, e)
class Hook:
    def __init__(self, path):
        if path != "magic": raise ImportError
    def find_spec(self, name, target=None):
        if name == "magicmod":
            return importlib.util.spec_from_loader(name, self)
    def create_module(self, spec): return None
    def exec_module(self, m): m.z = 42
sys.path_hooks.insert(0, Hook); sys.path.append("magic")
import magicmod; print(magicmod.z)
for n in ['builtins', 'sys', 'time', '_io', 'itertools', 'math']:
    mod = __import__(n); print(n, mod.__spec__ is not None, mod.__loader__.__name__)
