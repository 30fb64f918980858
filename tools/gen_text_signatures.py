#!/usr/bin/env python3
"""Generate src/objects/text_signatures.inc: CPython 3.11's __text_signature__ of
the native callables gilpy also has.

    python3 tools/gen_text_signatures.py [--gilpy dist/bin/gilpy] [--oracle /usr/bin/python3.11]

Three steps, each in its own interpreter:
  1. the oracle (CPython 3.11) lists the __text_signature__ of every native function,
     method, classmethod, slot wrapper and type in builtins and in the native modules
     gilpy has (their names come from gilpy's sys.builtin_module_names);
  2. gilpy keeps those it has: the object must exist there with the same kind of
     native callable, and each parameter the signature lets a caller pass by keyword
     must be taken by keyword by gilpy's implementation (probed by a call with that one
     keyword and a bogus value, in a child process per module; an "unexpected keyword"
     TypeError drops the entry);
  3. the facts are written as `{"qualified name", "signature"},` lines, keyed as
       module.function, module.Type, module.Type.method
     plus `*.__slot__` for the slot wrappers, whose signatures CPython shares between
     all types.  The C++ side (builtin_function.cpp) looks a callable up by that key.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "objects", "text_signatures.inc")

# ---------------------------------------------------------------- step 1 (oracle)
ORACLE = r'''
import json, sys, importlib, types
mods = json.loads(sys.argv[1])
BF = types.BuiltinFunctionType
WD = type(object.__init__); MD = type(str.join); CMD = type(dict.__dict__["fromkeys"])
out = {}       # key -> [sig, kind, module, path]
slots = {}     # slot name -> sig
def sig_of(x):
    try: s = x.__text_signature__
    except Exception: return None
    return s if isinstance(s, str) and s else None
for m in mods:
    try: mod = importlib.import_module(m)
    except Exception: continue
    for an, v in sorted(vars(mod).items()):
        if isinstance(v, BF) and getattr(v, "__self__", None) is mod:
            s = sig_of(v)
            if s: out[m + "." + an] = [s, "function", m, [an]]
        elif isinstance(v, type) and v.__module__ in (m, "builtins" if m == "builtins" else m) and an == v.__name__:
            key = v.__module__ + "." + v.__qualname__
            s = sig_of(v)
            if s and "__text_signature__" not in ("",):
                out[key] = [s, "type", m, [an]]
            for dn, d in sorted(vars(v).items()):
                if isinstance(d, WD):
                    s = sig_of(d)
                    if s: slots.setdefault(dn, s)
                    continue
                kind = {MD: "method", CMD: "classmethod"}.get(type(d))
                if kind is None and isinstance(d, BF) and dn == "__new__":
                    kind = "new"
                if kind is None and isinstance(d, staticmethod) and isinstance(d.__func__, BF):
                    kind = "static"; d = d.__func__
                if kind is None: continue
                s = sig_of(d)
                if s: out[key + "." + dn] = [s, kind, m, [an, dn]]
print(json.dumps({"entries": out, "slots": slots}))
'''

# ---------------------------------------------------------------- step 2 (gilpy)
GILPY_CHECK = r'''
import json, sys, importlib, types
m = sys.argv[1]
entries = json.loads(sys.stdin.read())
BF = types.BuiltinFunctionType
WD = type(object.__init__); MD = type(str.join); CMD = type(dict.__dict__["fromkeys"])
REJECT = ("unexpected keyword", "takes no keyword", "invalid keyword", "positional-only arguments passed as keyword",
          "no keyword arguments")
def keyword_params(sig):
    # parameter names a caller may pass by keyword: after '/', not '*args'/'**kw', not '$self'
    body = sig.strip()[1:-1]
    parts, depth, cur = [], 0, ""
    for ch in body:
        if ch in "([{": depth += 1
        if ch in ")]}": depth -= 1
        if ch == "," and depth == 0: parts.append(cur.strip()); cur = ""
        else: cur += ch
    if cur.strip(): parts.append(cur.strip())
    names, seen_slash = [], "/" not in parts
    for p in parts:
        if p == "/": seen_slash = True; continue
        if p == "*" or p.startswith("*") or p.startswith("$"): continue
        if seen_slash: names.append(p.split("=")[0].strip())
    return names
class Bogus: pass
SAFE_INSTANCE = {"str": "", "bytes": b"", "bytearray": bytearray(), "list": [], "dict": {}, "set": set(),
                 "frozenset": frozenset(), "tuple": (), "int": 0, "float": 0.0, "complex": 0j}
keep = {}
try:
    mod = importlib.import_module(m)
except Exception:
    mod = None
for key, (sig, kind, modname, path) in entries.items():
    if mod is None: break
    obj = getattr(mod, path[0], None)
    if obj is None: continue
    owner = None
    if len(path) == 2:
        if not isinstance(obj, type): continue
        owner = obj
        d = vars(obj).get(path[1])
        if d is None: continue
        if kind == "static" and isinstance(d, staticmethod): d = d.__func__
        ok = {"method": MD, "classmethod": CMD}.get(kind)
        if ok is not None and type(d) is not ok: continue
        if kind in ("new", "static") and not isinstance(d, BF): continue
        obj = d
    elif kind == "type":
        if not isinstance(obj, type): continue
    elif not isinstance(obj, BF): continue
    names = keyword_params(sig)
    bad = False
    for n in names:
        try:
            if kind == "method":
                inst = SAFE_INSTANCE.get(owner.__name__) if owner.__module__ == "builtins" else None
                if inst is None: continue   # no safe receiver: checked by the signature test only
                obj(inst, **{n: Bogus()})
            elif kind == "classmethod":
                getattr(owner, path[1])(**{n: Bogus()})
            else:
                obj(**{n: Bogus()})
        except TypeError as e:
            if any(r in str(e) for r in REJECT) and repr(n) in str(e) or "takes no keyword" in str(e) or "no keyword arguments" in str(e):
                bad = True; break
        except BaseException:
            pass
    if not bad:
        keep[key] = sig
print("@@" + json.dumps(keep))
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilpy", default=os.path.join(HERE, "..", "dist", "bin", "gilpy"))
    ap.add_argument("--oracle", default="/usr/bin/python3.11")
    ap.add_argument("-o", "--output", default=OUT)
    a = ap.parse_args()
    mods = json.loads(subprocess.check_output(
        [a.gilpy, "-c", "import sys, json; print(json.dumps(sorted(sys.builtin_module_names)))"], text=True))
    mods = [m for m in mods if m not in ("_gil",)]
    data = json.loads(subprocess.check_output([a.oracle, "-c", ORACLE, json.dumps(mods)], text=True))
    entries, slots = data["entries"], data["slots"]
    keep = {}
    for m in mods:
        sub = {k: v for k, v in entries.items() if v[2] == m}
        if not sub:
            continue
        try:
            r = subprocess.run([a.gilpy, "-c", GILPY_CHECK, m], input=json.dumps(sub), capture_output=True,
                               text=True, timeout=60, cwd="/tmp")
            line = [l for l in r.stdout.splitlines() if l.startswith("@@")]
            got = json.loads(line[-1][2:]) if line else {}
        except subprocess.TimeoutExpired:
            got = {}
        print(f"{m}: {len(got)} of {len(sub)}", file=sys.stderr)
        keep.update(got)
    # __new__ of every type is CPython's tp_new_wrapper: one signature.
    slots["__new__"] = "($type, *args, **kwargs)"
    with open(a.output, "w") as f:
        f.write("// Generated by tools/gen_text_signatures.py from CPython 3.11: do not edit.\n")
        f.write("// {qualified name, __text_signature__}: module.function, module.Type, module.Type.method,\n")
        f.write("// and *.__slot__ for the slot wrappers CPython gives every type the same signature.\n")
        facts = {"*." + k: v for k, v in slots.items()}
        facts.update(keep)
        for k in sorted(facts, key=lambda k: k.encode()):
            f.write("{" + json.dumps(k) + ", " + json.dumps(facts[k]) + "},\n")
    print(f"{len(keep)} entries, {len(slots)} slot signatures -> {a.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
