"""A small template engine: templates with {{ expr|filter }}, {% for %}, {% if %}/{% else %} and
nested blocks are tokenised with a regex, parsed into a node tree and rendered against contexts of
dicts, lists and objects many times. Prints the rendered size and a digest as the checksum."""
import html
import re
import sys

TOKEN = re.compile(r"({{.*?}}|{%.*?%})", re.S)

FILTERS = {
    "upper": str.upper,
    "title": str.title,
    "escape": lambda v: html.escape(str(v)),
    "money": lambda v: f"{v:,.2f}",
    "len": len,
}


class Text:
    def __init__(self, s):
        self.s = s

    def render(self, ctx, out):
        out.append(self.s)


class Var:
    def __init__(self, src):
        parts = [p.strip() for p in src.split("|")]
        self.path = parts[0].split(".")
        self.filters = [FILTERS[f] for f in parts[1:]]

    def render(self, ctx, out):
        v = resolve(ctx, self.path)
        for f in self.filters:
            v = f(v)
        out.append(str(v))


class For:
    def __init__(self, var, path, body):
        self.var = var
        self.path = path.split(".")
        self.body = body

    def render(self, ctx, out):
        items = resolve(ctx, self.path)
        n = len(items)
        for i, item in enumerate(items):
            inner = dict(ctx)
            inner[self.var] = item
            inner["loop"] = {"index": i + 1, "first": i == 0, "last": i == n - 1}
            for node in self.body:
                node.render(inner, out)


class If:
    def __init__(self, cond, body, orelse):
        negate = cond.startswith("not ")
        self.negate = negate
        self.path = (cond[4:] if negate else cond).strip().split(".")
        self.body = body
        self.orelse = orelse

    def render(self, ctx, out):
        v = bool(resolve(ctx, self.path))
        for node in (self.body if v != self.negate else self.orelse):
            node.render(ctx, out)


def resolve(ctx, path):
    v = ctx[path[0]]
    for name in path[1:]:
        v = v[name] if isinstance(v, dict) else getattr(v, name)
    return v


def parse(source):
    tokens = TOKEN.split(source)
    pos = 0

    def block(end_tags):
        nonlocal pos
        nodes = []
        while pos < len(tokens):
            tok = tokens[pos]
            pos += 1
            if tok.startswith("{{"):
                nodes.append(Var(tok[2:-2]))
            elif tok.startswith("{%"):
                words = tok[2:-2].split()
                if words[0] in end_tags:
                    return nodes, words[0]
                if words[0] == "for":
                    body, _ = block(("endfor",))
                    nodes.append(For(words[1], words[3], body))
                elif words[0] == "if":
                    body, tag = block(("else", "endif"))
                    orelse = block(("endif",))[0] if tag == "else" else []
                    nodes.append(If(" ".join(words[1:]), body, orelse))
                else:
                    raise SyntaxError(tok)
            elif tok:
                nodes.append(Text(tok))
        return nodes, None

    return block(())[0]


PAGE = """<html><head><title>{{ title|title }}</title></head><body>
<h1>{{ title|upper }}</h1>
{% if user.admin %}<p class="admin">Admin: {{ user.name|escape }}</p>{% else %}<p>User: {{ user.name }}</p>{% endif %}
<table>
{% for order in orders %}<tr class="{% if loop.first %}first{% endif %}{% if loop.last %}last{% endif %}">
  <td>{{ loop.index }}</td><td>{{ order.ref|upper }}</td><td>{{ order.total|money }}</td>
  <td>{% for line in order.lines %}{{ line.sku }} x{{ line.qty }}{% if not loop.last %}, {% endif %}{% endfor %}</td>
  <td>{{ order.note|escape }}</td>
</tr>
{% endfor %}</table>
<p>{{ orders|len }} orders</p></body></html>
"""


class User:
    def __init__(self, name, admin):
        self.name = name
        self.admin = admin


def context(k):
    orders = []
    for i in range(25):
        lines = [{"sku": f"SKU-{(i * 7 + j) % 100:03d}", "qty": 1 + (i + j) % 4} for j in range(1 + i % 5)]
        orders.append({"ref": f"ord-{k}-{i}", "total": (i * 1234.5 + k) % 9999.99, "lines": lines,
                       "note": "fragile & <urgent>" if i % 6 == 0 else "standard"})
    return {"title": f"orders for customer {k}", "user": User(f"<cust {k}>", k % 3 == 0), "orders": orders}


def main(n):
    total = 0
    digest = 0
    for k in range(n):
        tree = parse(PAGE) if k % 50 == 0 else tree
        out = []
        for node in tree:
            node.render(context(k), out)
        page = "".join(out)
        total += len(page)
        digest = (digest * 131 + sum(page.encode()[::97])) % 1000000007
    print("pages:", n, "chars:", total, "digest:", digest)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
