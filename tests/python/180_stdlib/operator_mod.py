import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul('a', 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5), op.neg(3), op.pos(-1), op.abs(-4))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(0), op.lshift(1, 4), op.rshift(16, 2), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(3, 2), op.ge(1, 2), op.contains([1, 2], 2), op.countOf([1, 1, 2], 1), op.indexOf('abc', 'c'))
print(op.itemgetter(1)('abc'), op.itemgetter(0, 2)('abc'), op.itemgetter('k')({'k': 'v'}), op.attrgetter('real')(3 + 4j), op.attrgetter('real', 'imag')(1j))
print(op.methodcaller('upper')('abc'), op.methodcaller('split', ',')('a,b'), op.concat([1], [2]), op.getitem([1, 2], 0), op.index(5))
l = [1, 2, 3]; op.setitem(l, 0, 'x'); op.delitem(l, 1); print(l, op.iadd([1], [2]), op.iconcat([1], [3]))
data = [('b', 2), ('a', 2), ('c', 1)]
print(sorted(data, key=op.itemgetter(1, 0)), op.length_hint([1, 2]), op.matmul.__name__)
class P:
    class Inner:
        val = 'nested'
    inner = Inner()
print(op.attrgetter('inner.val')(P()))
