#!/usr/bin/env python3
"""Differential fuzzing: random small programs, run under gilpy and CPython, outputs compared.

    python3 tools/difffuzz.py --gilpy dist/bin/gilpy [--seconds 60 | --count 500] [--seed N]
                              [--oracle /usr/bin/python3.11] [--out build/difffuzz] [--types-only]

Each program is built from a grammar of statements and expressions over the builtin types (ints,
floats, strs, bytes, lists, tuples, dicts, sets, bools, None), with functions, closures, classes
with dunders, generators, comprehensions, exceptions (raise, try/except/else/finally, chaining)
and threads (joined, each writing its own slot, so the output is deterministic). Every top-level
chunk runs under `try/except` that prints the exception's type and message, so a program keeps
going after an error and both interpreters' errors are compared too.

Programs are run in batches (one process per batch, each program exec'd in a fresh namespace);
a batch whose outputs differ, or that crashes or hangs, is split down to the program responsible.
A finding is a program whose stdout or exit status differs, a crash (signal) or a hang (timeout).
Findings are written to --out as `finding-SEED-N.py` with both outputs beside them; the exit
status is 1 when there is any. Both interpreters run with PYTHONHASHSEED=0, so set and dict
orders that depend on str hashes must agree too (gilpy keys its hashes as CPython does).
"""
import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

# ---- the program generator -------------------------------------------------------------------

INT_LITS = ["0", "1", "-1", "2", "3", "7", "10", "-13", "255", "1000", "2**31", "-2**63", "10**20", "0x7f", "0o17", "0b101", "1_000"]
FLOAT_LITS = ["0.0", "-0.0", "1.5", "-2.25", "3.0", "1e10", "1e-5", "0.1", "float('inf')", "float('-inf')", "float('nan')", "2.5e300"]
STR_LITS = ["''", "'a'", "'abc'", "'Hello, World'", "'x y z'", "'  pad  '", "'ünï'", "'a,b,,c'", "'123'", "'-4.5'", "'\\t\\n'", "'MiXeD'", "'ab' * 3"]
BYTES_LITS = ["b''", "b'a'", "b'abc'", "b'\\x00\\xff'", "b'a,b'", "bytes(3)", "bytes([65, 66])"]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.vars = {}       # name -> type guess
        self.funcs = []      # (name, nargs)
        self.classes = []    # class names
        self.n = 0

    def pick(self, xs):
        return self.r.choice(xs)

    def fresh(self, prefix="v"):
        self.n += 1
        return f"{prefix}{self.n}"

    def var_of(self, t):
        names = [n for n, vt in self.vars.items() if vt == t]
        return self.pick(names) if names else None

    # expressions of a given type (a guess: operations may raise, which is fine)
    def expr(self, t, d=0):
        r = self.r
        if d > 3 or r.random() < 0.25:
            v = self.var_of(t)
            if v and r.random() < 0.6:
                return v
            return self.lit(t, d)
        m = getattr(self, "e_" + t)
        return m(d + 1)

    def lit(self, t, d=0):
        r = self.r
        if t == "int": return self.pick(INT_LITS)
        if t == "float": return self.pick(FLOAT_LITS)
        if t == "str": return self.pick(STR_LITS)
        if t == "bytes": return self.pick(BYTES_LITS)
        if t == "bool": return self.pick(["True", "False"])
        if t == "list":
            return "[" + ", ".join(self.expr(self.pick(["int", "str", "float"]), d + 2) for _ in range(r.randint(0, 4))) + "]"
        if t == "tuple":
            k = r.randint(0, 3)
            return "(" + ", ".join(self.expr(self.pick(["int", "str"]), d + 2) for _ in range(k)) + ("," if k == 1 else "") + ")"
        if t == "dict":
            return "{" + ", ".join(f"{self.expr('str', d + 2)}: {self.expr('int', d + 2)}" for _ in range(r.randint(0, 3))) + "}"
        if t == "set":
            return "{" + ", ".join(self.expr("int", d + 2) for _ in range(r.randint(1, 4))) + "}"
        if t == "none": return "None"
        return "0"

    def e_int(self, d):
        r = self.r
        c = r.randint(0, 14)
        a, b = self.expr("int", d), self.expr("int", d)
        if c == 0: return f"({a} {self.pick(['+', '-', '*', '//', '%', '**', '<<', '>>', '&', '|', '^'])} {b})"
        if c == 1: return f"len({self.expr(self.pick(['str', 'list', 'tuple', 'dict', 'set', 'bytes']), d)})"
        if c == 2: return f"int({self.expr(self.pick(['str', 'float', 'int', 'bool']), d)})"
        if c == 3:  # hash(float('nan')) depends on the object's address: hash strs and bytes only
            return f"{self.pick(['abs', 'int', 'bool'])}({a})" if self.r.random() < 0.7 else f"hash({self.expr(self.pick(['str', 'bytes']), d)})"
        if c == 4: return f"({a} if {self.expr('bool', d)} else {b})"
        if c == 5: return f"sum({self.expr('list', d)})"
        if c == 6: return f"{self.expr('str', d)}.{self.pick(['find', 'count', 'index', 'rfind'])}({self.expr('str', d)})"
        if c == 7: return f"{self.expr('list', d)}.{self.pick(['index', 'count'])}({a})"
        if c == 8: return f"{self.pick(['min', 'max'])}({a}, {b})"
        if c == 9: return f"(~{a})"
        if c == 10: return f"-({a})"
        if c == 11: return f"divmod({a}, {b})[{self.pick(['0', '1'])}]"
        if c == 12: return f"round({self.expr('float', d)})"
        if c == 13: return f"{self.expr('dict', d)}.get({self.expr('str', d)}, {a})"
        return f"pow({a}, {self.pick(['2', '3', '-1', '0'])}, {self.pick(['7', '10', '1'])})"

    def e_float(self, d):
        c = self.r.randint(0, 6)
        a, b = self.expr("float", d), self.expr(self.pick(["float", "int"]), d)
        if c == 0: return f"({a} {self.pick(['+', '-', '*', '/', '//', '%', '**'])} {b})"
        if c == 1: return f"float({self.expr(self.pick(['str', 'int']), d)})"
        if c == 2: return f"round({a}, {self.pick(['0', '1', '2', '-1'])})"
        if c == 3: return f"abs({a})"
        if c == 4: return f"({self.expr('int', d)} / {self.expr('int', d)})"
        if c == 5: return f"{self.pick(['math.sqrt', 'math.floor', 'math.fabs', 'math.exp', 'math.log'])}({a})"
        return f"{a}.{self.pick(['real', 'imag'])}"

    def e_bool(self, d):
        c = self.r.randint(0, 5)
        t = self.pick(["int", "str", "float", "list", "tuple"])
        a, b = self.expr(t, d), self.expr(t, d)
        if c == 0: return f"({a} {self.pick(['<', '<=', '==', '!=', '>', '>='])} {b})"
        if c == 1: return f"({self.expr('int', d)} in {self.expr(self.pick(['list', 'set', 'tuple']), d)})"
        if c == 2: return f"({self.expr('bool', d)} {self.pick(['and', 'or'])} {self.expr('bool', d)})"
        if c == 3: return f"(not {self.expr('bool', d)})"
        if c == 4: return f"{self.expr('str', d)}.{self.pick(['isdigit', 'isalpha', 'isupper', 'islower', 'isspace', 'isidentifier'])}()"
        return f"isinstance({a}, {self.pick(['int', 'str', 'float', 'list', '(int, str)', 'bool'])})"

    def e_str(self, d):
        c = self.r.randint(0, 13)
        s = self.expr("str", d)
        if c == 0: return f"({s} + {self.expr('str', d)})"
        if c == 1: return f"({s} * {self.pick(['0', '1', '2', '3', '-1'])})"
        if c == 2: return f"{s}.{self.pick(['upper', 'lower', 'strip', 'title', 'swapcase', 'capitalize', 'casefold', 'lstrip', 'rstrip'])}()"
        if c == 3: return f"{s}[{self.slice()}]"
        if c == 4: return f"str({self.expr(self.pick(['int', 'float', 'list', 'tuple', 'dict', 'bool', 'none', 'bytes']), d)})"
        if c == 5: return f"repr({self.expr(self.pick(['str', 'float', 'bytes', 'list', 'dict']), d)})"
        if c == 6: return f"{self.expr('str', d)}.join({self.pick(['[', '('])}{self.expr('str', d)}, {s}{self.pick([']', ',)'])})"
        if c == 7:
            # 3.11 f-strings cannot nest their own quote: the field is a name or a number.
            t = self.pick(['int', 'float', 'str'])
            field = self.var_of(t) or self.pick(INT_LITS[:8] + FLOAT_LITS[:6])
            return f"f'{{{field}{self.pick(['', '!r', ':>8', ':08.3f', ':x', ':,', ':^10', ':e', ':.2%', '!a'])}}}'"
        if c == 8: return f"'%s-%d' % ({s}, {self.expr('int', d)})"
        if c == 9: return f"{s}.replace({self.expr('str', d)}, {self.expr('str', d)})"
        if c == 10: return f"{s}.{self.pick(['center', 'ljust', 'rjust', 'zfill'])}({self.pick(['0', '5', '12'])})"
        if c == 11: return f"'{{}}:{{!r}}'.format({s}, {self.expr('int', d)})"
        if c == 12: return f"{self.expr('bytes', d)}.decode({self.pick(['', repr('latin-1'), repr('ascii')])})"
        return f"chr({self.pick(['65', '0x3b1', '0x1F600', '-1', '0x110000'])})"

    def e_bytes(self, d):
        c = self.r.randint(0, 4)
        b = self.expr("bytes", d)
        if c == 0: return f"({b} + {self.expr('bytes', d)})"
        if c == 1: return f"{self.expr('str', d)}.encode({self.pick(['', repr('utf-8'), repr('ascii'), repr('latin-1')])})"
        if c == 2: return f"{b}[{self.slice()}]"
        if c == 3: return f"{b}.{self.pick(['upper', 'hex', 'strip'])}()" if self.r.random() < 0.5 else f"bytes.fromhex({self.pick([repr('00ff'), repr('zz'), repr('a b')])})"
        return f"bytes({self.expr('list', d)})"

    def e_list(self, d):
        c = self.r.randint(0, 9)
        l = self.expr("list", d)
        if c == 0: return f"sorted({self.expr(self.pick(['list', 'str', 'set', 'tuple', 'dict']), d)})"
        if c == 1: return f"[{self.expr('int', d)} {self.pick(['*', '+', '%'])} x for x in range({self.pick(['0', '3', '5'])}) if x {self.pick(['>', '!=', '<'])} 1]"
        if c == 2: return f"list({self.expr(self.pick(['str', 'tuple', 'set', 'dict', 'bytes']), d)})"
        if c == 3: return f"{l}[{self.slice()}]"
        if c == 4: return f"({l} + {self.expr('list', d)})"
        if c == 5: return f"{self.expr('str', d)}.split({self.pick(['', repr(','), repr(' '), 'None, 1'])})"
        if c == 6: return f"list(reversed({l}))"
        if c == 7: return f"[*{l}, *{self.expr('tuple', d)}]"
        if c == 8: return f"list(map({self.pick(['str', 'repr', 'abs', 'bool', 'lambda x: x * 2'])}, {l}))"
        return f"sorted({l}, key={self.pick(['str', 'repr', 'lambda x: -x', 'abs', 'len'])}, reverse={self.pick(['True', 'False'])})"

    def e_tuple(self, d):
        c = self.r.randint(0, 3)
        if c == 0: return f"tuple({self.expr(self.pick(['list', 'str', 'dict']), d)})"
        if c == 1: return f"divmod({self.expr(self.pick(['int', 'float']), d)}, {self.expr(self.pick(['int', 'float']), d)})"
        if c == 2: return f"({self.expr('tuple', d)} + {self.expr('tuple', d)})"
        return f"tuple(enumerate({self.expr('str', d)}))"

    def e_dict(self, d):
        c = self.r.randint(0, 3)
        if c == 0: return f"dict(zip({self.expr('str', d)}, {self.expr('list', d)}))"
        if c == 1: return f"{{k: len(k) for k in {self.expr('str', d)}.split()}}"
        if c == 2: return f"{{**{self.expr('dict', d)}, **{self.expr('dict', d)}}}"
        return f"dict.fromkeys({self.expr('str', d)}, {self.expr('int', d)})"

    def e_set(self, d):
        c = self.r.randint(0, 2)
        s = self.expr("set", d)
        if c == 0: return f"({s} {self.pick(['|', '&', '-', '^'])} {self.expr('set', d)})"
        # NaN's hash is its address (3.10+), so a set holding one has no fixed
        # order: the comprehensions leave NaNs out (x == x is False for them).
        if c == 1:
            src = self.expr(self.pick(['list', 'str', 'tuple']), d)
            return f"set(x for x in {src} if x == x)" if self.r.random() < 0.5 else f"set({self.expr('str', d)})"
        return f"{{x % 5 for x in {self.expr('list', d)} if x == x}}"

    def e_none(self, d):
        return "None"

    def slice(self):
        p = lambda: self.pick(["", "0", "1", "-1", "2", "-3", "10"])
        if self.r.random() < 0.3:
            return self.pick(["0", "-1", "1", "5"])
        s = f"{p()}:{p()}"
        if self.r.random() < 0.3:
            s += ":" + self.pick(["2", "-1", "-2", "3", "0"])
        return s

    def any_type(self):
        return self.pick(["int", "int", "float", "str", "str", "bytes", "list", "list", "tuple", "dict", "set", "bool"])

    # statements (lists of lines, indented by the caller)
    def stmt(self, depth=0):
        r = self.r
        c = r.randint(0, 21)
        if depth > 2:
            c = r.choice([0, 1, 2])
        if c <= 2:
            t = self.any_type()
            v = self.fresh()
            e = self.expr(t)
            self.vars[v] = t
            return [f"{v} = {e}", f"print({v!r}, repr({v}))"]
        if c == 3:
            v = self.var_of("int") or self.var_of("str") or self.var_of("list")
            if not v:
                return self.stmt(depth)
            t = self.vars[v]
            op = self.pick(["+=", "*=", "-=", "//=", "%=", "<<=", "|="]) if t == "int" else self.pick(["+=", "*="])
            rhs = self.expr(t) if op == "+=" else self.expr("int")
            return [f"{v} {op} {rhs}", f"print({v!r}, {v})"]
        if c == 4:
            v = self.var_of("list")
            if not v:
                return self.stmt(depth)
            m = self.pick([f"append({self.expr('int')})", f"extend({self.expr('list')})", f"insert({self.expr('int')}, {self.expr('int')})",
                           "pop()", f"pop({self.expr('int')})", f"remove({self.expr('int')})", "sort()", "reverse()", "clear()",
                           f"sort(key={self.pick(['str', 'abs', 'len'])})", "copy()"])
            return [f"print({v}.{m})", f"print({v})"]
        if c == 5:
            v = self.var_of("dict")
            if not v:
                return self.stmt(depth)
            m = self.pick([f"setdefault({self.expr('str')}, {self.expr('int')})", f"pop({self.expr('str')})", "popitem()",
                           f"update({self.expr('dict')})", "keys()", "values()", "items()", f"get({self.expr('str')})"])
            return [f"print({v}.{m})", f"print({v})"]
        if c == 6:
            v = self.var_of("list") or self.var_of("dict")
            if not v:
                return self.stmt(depth)
            if self.vars[v] == "list":
                return [f"{v}[{self.expr('int')}] = {self.expr(self.any_type())}", f"print({v})"] if r.random() < 0.5 else \
                       [f"del {v}[{self.slice()}]", f"print({v})"]
            return [f"{v}[{self.expr('str')}] = {self.expr('int')}", f"print({v})"] if r.random() < 0.5 else \
                   [f"del {v}[{self.expr('str')}]", f"print({v})"]
        if c == 7:
            body = self.block(depth + 1)
            return [f"if {self.expr('bool')}:"] + body + (["else:"] + self.block(depth + 1) if r.random() < 0.5 else [])
        if c == 8:
            it = self.expr(self.pick(["list", "str", "tuple", "dict", "set", "bytes"]))
            x = self.fresh("x")
            self.vars[x] = "int"
            body = [f"    print('it', repr({x}))"] + self.block(depth + 1)
            extra = ["else:", "    print('no break')"] if r.random() < 0.3 else []
            brk = ["    if " + self.expr("bool") + ": break"] if r.random() < 0.3 else []
            return [f"for {x} in {it}:"] + brk + body + extra
        if c == 9:
            i = self.fresh("i")
            self.vars[i] = "int"
            return [f"{i} = 0", f"while {i} < {self.pick(['3', '5', '0'])}:", f"    {i} += 1"] + self.block(depth + 1) + [f"print('while', {i})"]
        if c == 10:
            exc = self.pick(["ValueError", "KeyError", "TypeError", "ZeroDivisionError", "IndexError", "Exception", "ArithmeticError", "LookupError"])
            lines = ["try:"] + self.block(depth + 1)
            if r.random() < 0.4:
                lines += [f"    raise {self.pick(['ValueError', 'KeyError', 'RuntimeError', 'TypeError'])}({self.expr('str')})"]
            lines += [f"except {exc} as e:", "    print('caught', type(e).__name__, e, repr(e.__context__)[:60])"]
            if r.random() < 0.4:
                lines += ["else:", "    print('else')"]
            if r.random() < 0.5:
                lines += ["finally:", "    print('finally')"]
            return lines
        if c == 11:
            f = self.fresh("f")
            n = r.randint(0, 3)
            params = [f"p{k}" for k in range(n)]
            if r.random() < 0.3:
                params.append("*rest")
            if r.random() < 0.3:
                params.append(f"kw={self.lit(self.any_type())}")
            saved = dict(self.vars)
            for p in params:
                self.vars[p.split("=")[0].lstrip("*")] = "int"
            body = self.block(depth + 1)
            self.vars = saved
            self.funcs.append((f, n))
            ret = f"    return {self.expr(self.any_type())}"
            args = ", ".join(self.expr(self.any_type()) for _ in range(n + r.randint(-1, 1) if n else r.randint(0, 1)))
            return [f"def {f}({', '.join(params)}):"] + body + [ret, f"print({f}({args}))"]
        if c == 12:
            cls = self.fresh("C")
            self.classes.append(cls)
            a = self.expr("int")
            return [f"class {cls}:",
                    f"    count = 0",
                    f"    def __init__(self, v={a}):",
                    f"        self.v = v",
                    f"        {cls}.count += 1",
                    f"    def __repr__(self): return f'{cls}({{self.v!r}})'",
                    f"    def __eq__(self, o): return isinstance(o, {cls}) and self.v == o.v",
                    f"    def __hash__(self): return hash(self.v)",
                    f"    def __lt__(self, o): return self.v < o.v",
                    f"    def __add__(self, o): return {cls}(self.v + getattr(o, 'v', o))",
                    f"    def __len__(self): return abs(self.v) % 7",
                    f"    def __iter__(self): yield from range(len(self))",
                    f"    @property",
                    f"    def double(self): return self.v * 2",
                    f"o = {cls}({self.expr(self.any_type())})",
                    f"print(o, len(o), list(o), o.double, o + 1, o == {cls}(o.v), sorted([o, {cls}({a})]), {cls}.count)"]
        if c == 13:
            g = self.fresh("g")
            return [f"def {g}(n):",
                    f"    for k in range(n):",
                    f"        got = yield k * {self.expr('int')}",
                    f"        if got: print('sent', got)",
                    f"    return 'done'",
                    f"it = {g}({self.pick(['0', '2', '3'])})",
                    f"print(list(it), sum({g}(3)))",
                    f"it = {g}(2); print(next(it), it.send({self.expr('int')}))",
                    f"print([x for x in {g}(4) if x])"]
        if c == 14:
            k = self.fresh("mk")
            return [f"def {k}(base):",
                    f"    total = [base]",
                    f"    def add(n):",
                    f"        nonlocal base",
                    f"        base += n",
                    f"        total.append(base)",
                    f"        return total",
                    f"    return add",
                    f"a = {k}({self.expr('int')})",
                    f"a({self.expr('int')}); print(a({self.expr('int')}))"]
        if c == 15:
            n = r.randint(2, 4)
            body = self.expr(self.pick(["int", "str", "list"]))
            return ["import threading",
                    f"slots = [None] * {n}",
                    "def work(k):",
                    "    try:",
                    f"        slots[k] = (k, {body})",
                    "    except Exception as e:",
                    "        slots[k] = (k, type(e).__name__)",
                    f"ts = [threading.Thread(target=work, args=(k,)) for k in range({n})]",
                    "for t in ts: t.start()",
                    "for t in ts: t.join()",
                    "print(slots)"]
        if c == 16:
            return [f"print({self.expr(self.any_type())})"]
        if c == 17:
            return [f"print(*{self.expr(self.pick(['list', 'str', 'tuple']))}, sep={self.pick([repr(','), repr(''), repr(' - ')])})"]
        if c == 18:
            a, b = self.fresh(), self.fresh()
            self.vars[a] = self.vars[b] = "int"
            return [f"{a}, *{b} = {self.expr(self.pick(['list', 'str', 'tuple']))}", f"print({a}, {b})"]
        if c == 19:
            return ["try:", f"    try:", f"        {self.expr('int')} // {self.pick(['0', '1'])}",
                    f"    except ZeroDivisionError as e:", f"        raise ValueError({self.expr('str')}) from {self.pick(['e', 'None'])}",
                    "except ValueError as e:", "    print(repr(e), repr(e.__cause__), e.__suppress_context__)"]
        if c == 20:
            return ["import contextlib", "@contextlib.contextmanager", "def cm(x):", "    print('enter', x)", "    try:",
                    "        yield x * 2", "    finally:", "        print('exit', x)",
                    f"with cm({self.expr('int')}) as y:", f"    print('body', y)"] + self.block(depth + 1)
        m = self.pick(["print(match_it(%s))" % self.expr(self.any_type())])
        return ["def match_it(v):", "    match v:", "        case int(n) if n > 3: return ('big', n)",
                "        case [x, *rest]: return ('seq', x, rest)", "        case {'a': a}: return ('map', a)",
                "        case str() as s: return ('str', s[:3])", "        case _: return ('other',)", m]

    def block(self, depth):
        lines = []
        for _ in range(self.r.randint(1, 3)):
            lines += self.stmt(depth)
        return ["    " + l for l in lines]

    def program(self):
        out = ["import math"]
        for _ in range(self.r.randint(4, 12)):
            chunk = self.stmt()
            out += ["try:"] + ["    " + l for l in chunk] + ["except Exception as e:", "    print('EXC', type(e).__name__, e)"]
        return "\n".join(out) + "\n"


# ---- running ----------------------------------------------------------------------------------

DRIVER = r'''
import sys, io
progs = sys.stdin.read().split("\n#### PROGRAM ####\n")
for i, src in enumerate(progs):
    print("#### %d" % i, flush=True)
    try:
        exec(compile(src, "<prog%d>" % i, "exec"), {"__name__": "__main__"})
    except BaseException as e:
        print("TOP", type(e).__name__, e)
    sys.stdout.flush()
'''


def _cap_memory():
    # A generated program may ask for tens of GiB (huge repetitions, big-int powers). Capping each
    # child's address space turns that into MemoryError in both interpreters instead of waking the
    # OOM killer, which on a shared machine can pick this driver or the session itself.
    # (Not under AddressSanitizer: its shadow memory alone reserves terabytes of address space.)
    if "ASAN_OPTIONS" in os.environ:
        return
    import resource
    cap = 8 << 30
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def run(interp, progs, timeout):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    data = "\n#### PROGRAM ####\n".join(progs)
    try:
        p = subprocess.run([interp, "-c", DRIVER], input=data.encode(), capture_output=True, timeout=timeout, env=env, cwd="/tmp",
                           preexec_fn=_cap_memory)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stdout or b"").decode("utf-8", "replace"), ""


def normalize(out):
    # Objects' default reprs carry addresses; the generator avoids them, but be safe.
    import re
    return re.sub(r" at 0x[0-9a-f]+", " at 0x...", out)


def check(cfg, progs, timeout, findings, seed_tag):
    """Run a batch; return the indices of programs that diverge (splitting the batch when needed)."""
    g = run(cfg.gilpy, progs, timeout)
    c = run(cfg.oracle, progs, timeout)
    if c[0] == "timeout":
        return  # the oracle hangs too: a generated infinite loop, not a finding
    same = g[0] == c[0] and normalize(g[1]) == normalize(c[1])
    if cfg.types_only and not same and g[0] == c[0]:
        strip = lambda s: "\n".join(l.split(" ", 2)[0] + " " + l.split(" ", 2)[1] if l.startswith(("EXC ", "TOP ", "caught ")) and len(l.split(" ")) > 2 else l for l in s.splitlines())
        same = strip(normalize(g[1])) == strip(normalize(c[1]))
    if same:
        return
    if len(progs) > 1:
        mid = len(progs) // 2
        check(cfg, progs[:mid], timeout, findings, seed_tag + "a")
        check(cfg, progs[mid:], timeout, findings, seed_tag + "b")
        return
    findings.append((seed_tag, progs[0], g, c))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gilpy", required=True)
    ap.add_argument("--oracle", default="/usr/bin/python3.11")
    ap.add_argument("--seconds", type=float, default=0)
    ap.add_argument("--count", type=int, default=200, help="programs to run when --seconds is 0")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--batch", type=int, default=40)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--out", default="build/difffuzz")
    ap.add_argument("--types-only", action="store_true", help="compare exception types, not messages")
    ap.add_argument("--show", type=int, default=None, help="print the program of this seed and exit")
    cfg = ap.parse_args()
    if cfg.show is not None:
        sys.stdout.write(Gen(random.Random(cfg.show)).program())
        return 0
    seed = cfg.seed if cfg.seed is not None else random.randrange(1 << 30)
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    done, findings, s = 0, [], seed
    while True:
        if cfg.seconds and time.monotonic() - start >= cfg.seconds:
            break
        if not cfg.seconds and done >= cfg.count:
            break
        n = cfg.batch if cfg.seconds else min(cfg.batch, cfg.count - done)
        seeds = list(range(s, s + n))
        progs = [Gen(random.Random(k)).program() for k in seeds]
        before = len(findings)
        found = []
        check(cfg, progs, cfg.timeout, found, "")
        for tag, prog, g, c in found:
            k = seeds[progs.index(prog)]
            findings.append(k)
            base = out / f"finding-{k}"
            base.with_suffix(".py").write_text(prog)
            base.with_suffix(".gilpy.txt").write_text(f"status {g[0]}\n{g[1]}\n--- stderr\n{g[2]}")
            base.with_suffix(".cpython.txt").write_text(f"status {c[0]}\n{c[1]}\n--- stderr\n{c[2]}")
            print(f"finding: seed {k} (gilpy status {g[0]}, CPython {c[0]}): {base}.py", flush=True)
        done += n
        s += n
        if cfg.seconds and done % (cfg.batch * 25) == 0:
            # A heartbeat, so a run that dies leaves a record of how far it got.
            print(f"difffuzz: {done} programs, {len(findings)} finding(s), {time.monotonic() - start:.0f}s", flush=True)
    print(f"difffuzz: {done} programs from seed {seed}, {len(findings)} finding(s), {time.monotonic() - start:.0f}s")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
