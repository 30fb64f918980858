# compile(..., flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT): module code that awaits
# is a coroutine (asyncio's REPL runs it through types.FunctionType).
import ast
import asyncio
import types

FLAG = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


co = compile('x = 1\nawait __import__("asyncio").sleep(0, 5)\ny = x + 1', "<s>", "exec", flags=FLAG)
t("flag set", lambda: bool(co.co_flags & 0x80))
t("plain code", lambda: compile("x = 1", "<s>", "exec", flags=FLAG).co_flags & 0x80)
g = {}
r = eval(co, g)
t("eval gives", lambda: type(r).__name__)
t("run", lambda: (asyncio.run(r), g["x"], g["y"]))
g2 = {}
fn = types.FunctionType(co, g2)
t("function", lambda: (asyncio.run(fn()), g2["y"]))
fn2 = types.FunctionType(compile("z = 5", "<s>", "exec", flags=FLAG), g2)
t("function plain", lambda: (fn2(), g2["z"]))
t("eval mode", lambda: asyncio.run(eval(compile("await asyncio.sleep(0, 42)", "<s>", "eval", flags=FLAG))))
for src in ["async for x in y: pass", "async with a: pass", "[x async for x in y]", "[x for x in y]",
            "class C: await x", "def f(): await x", "lambda: await x"]:
    t(src, lambda: compile(src, "s", "exec", flags=FLAG).co_flags & 0x80)
t("no flag", lambda: compile("await x", "s", "exec"))


async def agen():
    for i in range(3):
        yield i


g3 = {"agen": agen}
t("async for runs", lambda: (asyncio.run(eval(compile("out = [i async for i in agen()]", "s", "exec", flags=FLAG), g3)), g3["out"]))
