# The bytecode cache: importing a module writes __pycache__/<name>.<tag>.pyc
# (tag gilpy-01 here, cpython-311 in CPython); sys.dont_write_bytecode (-B)
# writes none; editing the source (new size and mtime) makes the cache stale;
# a corrupt cache file is ignored and rewritten.
import os, sys, tempfile

def cached(d):
    p = os.path.join(d, "__pycache__")
    return sorted(n.split(".")[0] for n in os.listdir(p)) if os.path.isdir(p) else []

def fresh_import(name):
    sys.modules.pop(name, None)
    m = __import__(name)
    return m.VALUE, m.f()

with tempfile.TemporaryDirectory() as d:
    sys.path.insert(0, d)
    mod = os.path.join(d, "cached_mod.py")
    with open(mod, "w") as f:
        f.write("VALUE = 1\ndef f():\n    return [i * VALUE for i in range(3)]\n")

    sys.dont_write_bytecode = True
    print(fresh_import("cached_mod"), cached(d))
    sys.dont_write_bytecode = False
    print(fresh_import("cached_mod"), cached(d))
    print(fresh_import("cached_mod"), cached(d))        # loaded from the cache
    with open(mod, "w") as f:                           # a different size: stale
        f.write("VALUE = 22\ndef f():\n    return [i * VALUE for i in range(3)]\n")
    print(fresh_import("cached_mod"), cached(d))
    pyc = os.path.join(d, "__pycache__", os.listdir(os.path.join(d, "__pycache__"))[0])
    with open(pyc, "wb") as f:
        f.write(b"garbage")
    print(fresh_import("cached_mod"), cached(d), os.path.getsize(pyc) > 16)
    sys.path.remove(d)
