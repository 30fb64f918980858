with a: pass
with a as b, c as (d, e): pass
with (a as b, c): pass
with (a, b): pass
with (a): pass
with (yield x) as y: pass
with (
    open("x") as f,
    open("y") as g,
): pass
