# A tokenizer + recursive-descent parser + evaluator for arithmetic with variables.
import re
TOKEN = re.compile(r'\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(\*\*|[-+*/%()=]))')
def tokenize(src):
    pos, out = 0, []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError(f'bad character {src[pos]!r} at {pos}')
        num, name, op = m.groups()
        out.append(('num', float(num) if '.' in num else int(num)) if num else ('name', name) if name else ('op', op))
        pos = m.end()
    return out
class Parser:
    def __init__(self, toks): self.toks, self.i = toks, 0
    def peek(self): return self.toks[self.i] if self.i < len(self.toks) else ('eof', None)
    def take(self, val=None):
        t = self.peek()
        if val is not None and t[1] != val:
            raise SyntaxError(f'expected {val!r}, got {t[1]!r}')
        self.i += 1
        return t
    def statement(self):
        if len(self.toks) > 1 and self.toks[0][0] == 'name' and self.toks[1] == ('op', '='):
            name = self.take()[1]; self.take('=')
            return ('assign', name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek()[1] in ('+', '-'):
            node = (self.take()[1], node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek()[1] in ('*', '/', '%'):
            node = (self.take()[1], node, self.factor())
        return node
    def factor(self):
        if self.peek()[1] == '-':
            self.take(); return ('neg', self.factor())
        base = self.atom()
        if self.peek()[1] == '**':
            self.take(); return ('**', base, self.factor())
        return base
    def atom(self):
        kind, val = self.take()
        if kind == 'num': return ('num', val)
        if kind == 'name': return ('var', val)
        if val == '(':
            e = self.expr(); self.take(')'); return e
        raise SyntaxError(f'unexpected {val!r}')
OPS = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b, '/': lambda a, b: a / b,
       '%': lambda a, b: a % b, '**': lambda a, b: a ** b}
def evaluate(node, env):
    tag = node[0]
    if tag == 'num': return node[1]
    if tag == 'var':
        if node[1] not in env: raise NameError(f'undefined variable {node[1]}')
        return env[node[1]]
    if tag == 'neg': return -evaluate(node[1], env)
    if tag == 'assign':
        env[node[1]] = evaluate(node[2], env); return env[node[1]]
    return OPS[tag](evaluate(node[1], env), evaluate(node[2], env))
env = {}
for line in ['x = 3', 'y = x ** 2 ** 2', '(x + y) * -2', 'y / 4 % 7', '2 ** -1', 'z + 1', '1 / 0', '3 $ 4', '(1 + 2', 'big = 2 ** 100', 'big % 1000007', '1.5 * 4']:
    try:
        print(f'{line:<16} => {evaluate(Parser(tokenize(line)).statement(), env)!r}')
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f'{line:<16} => {type(e).__name__}: {e}')
print(sorted(env.items()))
