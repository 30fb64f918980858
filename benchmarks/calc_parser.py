"""A tokenizer and parser: a regex-driven tokenizer and a Pratt (precedence-climbing) parser for an
arithmetic language with variables, unary minus, powers, comparisons, function calls and lets,
building AST node objects that are then evaluated and pretty-printed. Prints results and sizes."""
import re
import sys

TOKEN_RE = re.compile(r"\s*(?:(\d+\.\d*|\d+)|([A-Za-z_]\w*)|(\*\*|==|!=|<=|>=|[-+*/%()<>,=;]))")


class Num:
    __slots__ = ("v",)
    def __init__(self, v): self.v = v
    def eval(self, env): return self.v
    def show(self): return repr(self.v)


class Name:
    __slots__ = ("n",)
    def __init__(self, n): self.n = n
    def eval(self, env): return env[self.n]
    def show(self): return self.n


class Unary:
    __slots__ = ("op", "e")
    def __init__(self, op, e): self.op, self.e = op, e
    def eval(self, env): return -self.e.eval(env)
    def show(self): return f"(-{self.e.show()})"


OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else 0.0, "%": lambda a, b: a % b if b else 0, "**": lambda a, b: a ** min(b, 8),
    "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b), "<=": lambda a, b: int(a <= b),
    ">=": lambda a, b: int(a >= b), "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
}


class Bin:
    __slots__ = ("op", "a", "b", "f")
    def __init__(self, op, a, b): self.op, self.a, self.b, self.f = op, a, b, OPS[op]
    def eval(self, env): return self.f(self.a.eval(env), self.b.eval(env))
    def show(self): return f"({self.a.show()} {self.op} {self.b.show()})"


FUNCS = {"max": max, "min": min, "abs": abs}


class Call:
    __slots__ = ("fn", "args")
    def __init__(self, fn, args): self.fn, self.args = fn, args
    def eval(self, env): return FUNCS[self.fn](*[a.eval(env) for a in self.args])
    def show(self): return f"{self.fn}({', '.join(a.show() for a in self.args)})"


PREC = {"==": 1, "!=": 1, "<": 2, ">": 2, "<=": 2, ">=": 2, "+": 3, "-": 3, "*": 4, "/": 4, "%": 4, "**": 5}


def tokenize(src):
    pos = 0
    out = []
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m or m.end() == pos:
            if src[pos:].strip() == "":
                break
            raise SyntaxError(f"bad input at {pos}")
        num, name, op = m.groups()
        if num:
            out.append(("num", float(num) if "." in num else int(num)))
        elif name:
            out.append(("name", name))
        else:
            out.append(("op", op))
        pos = m.end()
    out.append(("end", None))
    return out


class Parser:
    def __init__(self, tokens):
        self.toks = tokens
        self.i = 0

    def peek(self):
        return self.toks[self.i]

    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, op):
        t = self.next()
        if t != ("op", op):
            raise SyntaxError(f"expected {op}, got {t}")

    def expr(self, min_prec=0):
        left = self.atom()
        while True:
            kind, v = self.peek()
            if kind != "op" or v not in PREC or PREC[v] < min_prec:
                return left
            self.next()
            right = self.expr(PREC[v] if v == "**" else PREC[v] + 1)
            left = Bin(v, left, right)

    def atom(self):
        kind, v = self.next()
        if kind == "num":
            return Num(v)
        if kind == "name":
            if self.peek() == ("op", "("):
                self.next()
                args = []
                if self.peek() != ("op", ")"):
                    args.append(self.expr())
                    while self.peek() == ("op", ","):
                        self.next()
                        args.append(self.expr())
                self.expect(")")
                return Call(v, args)
            return Name(v)
        if (kind, v) == ("op", "-"):
            return Unary("-", self.expr(5))
        if (kind, v) == ("op", "("):
            e = self.expr()
            self.expect(")")
            return e
        raise SyntaxError(f"unexpected {v!r}")

    def program(self):
        stmts = []
        while self.peek()[0] != "end":
            kind, v = self.peek()
            if kind == "name" and self.toks[self.i + 1] == ("op", "="):
                self.i += 2
                stmts.append((v, self.expr()))
            else:
                stmts.append((None, self.expr()))
            if self.peek() == ("op", ";"):
                self.next()
        return stmts


def gen_source(seed, n):
    parts = []
    names = ["a", "b", "c"]
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        x, y, z = seed % 97, (seed >> 7) % 13 + 1, (seed >> 11) % 5
        v = names[i % 3]
        parts.append(f"{v} = max({names[(i + 1) % 3]} * {y} - {x}, -(a + {z}) ** 2 % {y + 3}, "
                     f"abs(b - c) / {y}.5) + (a < b) * {z} - min({x}, c % {y})")
    return "; ".join(parts)


def main(n):
    total = 0.0
    shown = 0
    ntok = 0
    for k in range(n):
        src = gen_source(k, 30)
        toks = tokenize(src)
        ntok += len(toks)
        prog = Parser(toks).program()
        env = {"a": 1, "b": 2, "c": 3}
        for _ in range(3):
            for target, e in prog:
                v = e.eval(env)
                if target:
                    env[target] = v if abs(v) < 1e9 else v % 1000
        total += env["a"] + env["b"] + env["c"]
        shown += sum(len(e.show()) for _, e in prog)
    print("programs:", n, "tokens:", ntok, "shown:", shown, "result: %.6f" % total)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600)
