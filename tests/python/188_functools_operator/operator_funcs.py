# _operator: functions, getters and their reprs.
import _operator as op

print(op.add(1, 2), op.sub(5, 3), op.mul("a", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.lshift(1, 4), op.rshift(32, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.neg(5), op.pos(-5), op.inv(5), op.invert(0), op.abs(-3))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 1), op.gt(1, 2), op.ge(3, 2), op.not_(0), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.index(7))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.getitem(l, -1))
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iconcat(x, [3]), op.isub(5, 2), op.imul(2, 3), op.ior(1, 2), op.ipow(2, 3))
print(op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(object(), 7), op.call(max, 3, 9, key=lambda v: -v))
print(op._compare_digest(b"abc", b"abc"), op._compare_digest("abc", "abd"), op._compare_digest(b"a", bytearray(b"a")), op._compare_digest(b"a", b"ab"))
for f in [lambda: op.concat(1, 2), lambda: op.indexOf([1], 2), lambda: op.itemgetter(), lambda: op.attrgetter(1),
          lambda: op.methodcaller(1), lambda: op.itemgetter(1)(1, 2), lambda: op.length_hint([], "a"),
          lambda: op._compare_digest("a", b"a"), lambda: op._compare_digest("é", "é"),
          lambda: op.attrgetter("a")(1), lambda: op.methodcaller(), lambda: op.add(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
g = op.itemgetter(1); print(g([5, 6]), g, g.__reduce__())
g2 = op.itemgetter(0, -1, "k" if False else 1); print(g2("abc"), g2)
class Obj:
    pass
o = Obj(); o.a = Obj(); o.a.b = 5; o.c = 6
ag = op.attrgetter("a.b", "c"); print(ag(o), ag, ag.__reduce__()[1], op.attrgetter("c")(o))
mc = op.methodcaller("split", ","); print(mc("a,b"), mc, mc.__reduce__()[1])
mk = op.methodcaller("replace", "a", new="b")
print(mk, sorted([(3, "c"), (1, "a"), (2, "b")], key=op.itemgetter(0)))
print(type(g).__name__, type(g).__module__, op.add.__module__)
