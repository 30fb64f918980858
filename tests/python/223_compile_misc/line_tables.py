# Line tables as CPython 3.11 has them: the first entry is the definition's line
# (RESUME in CPython, the prologue in gilpy; line 0 in module code), constant
# tests and constant `and`/`or` operands leave no test behind, and `while False`
# bodies are dropped. Only opnames both interpreters share are printed.
import dis


def code_lines(code):
    out, last = [], -2
    for _, _, line in code.co_lines():
        if line is not None and line != last:
            out.append(line - code.co_firstlineno)
            last = line
    return out


co = compile("\n" * 256 + "spam", "fn", "exec")
lines = list(co.co_lines())
print(co.co_firstlineno, lines[0][2], lines[1][2])
print(list(compile("", "s", "exec").co_positions())[0])


def load_attr():
    return (
        o.
        a
    )


def aug_store_attr():
    (
        o.
        a
    ) += (
        v
    )


def aug_subscr():
    a[
        i
    ] += 1


async def async_for(aseq):
    async for i in aseq:
        body


def return_genexp():
    return (1
            for
            x
            in
            y)


for f in (load_attr, aug_store_attr, aug_subscr, async_for):
    print(f.__name__, code_lines(f.__code__))
print("genexp", code_lines(return_genexp.__code__.co_consts[1]))
print(list(load_attr.__code__.co_positions())[0])


def and_true(x):
    return True and x


def and_false(x):
    return False and x


def or_true(x):
    return True or x


def or_false(x):
    return False or x


def while_false():
    while False:
        break


def continue_false():
    while False:
        continue


def if_zero(x):
    if 0:
        x()
    if not 1:
        x()
    return x


for f in (and_true, and_false, or_true, or_false, while_false, continue_false, if_zero):
    ops = [i.opname for i in dis.get_instructions(f)]
    body = [i for i in dis.get_instructions(f)][1:]
    print(f.__name__, len(ops), [(i.opname, i.argval) for i in body], code_lines(f.__code__))
print(and_true(5), and_false(5), or_true(5), or_false(5), while_false(), if_zero(3))


def gen():
    yield 1


g = gen()
print(g.gi_frame.f_lineno - gen.__code__.co_firstlineno)


def loop(n):
    i = 0
    while True:
        i += 1
        if i > n:
            break
    while 1:
        if i > 2 * n:
            return i
        i += 1


print(loop(3))
