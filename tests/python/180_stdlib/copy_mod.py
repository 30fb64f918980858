import copy
class Node:
    def __init__(self, v, kids=()): self.v, self.kids = v, list(kids)
    def __repr__(self): return f'Node({self.v}, {self.kids})'
tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow, deep = copy.copy(tree), copy.deepcopy(tree)
tree.kids[0].v = 'changed'
print(shallow, deep, shallow.kids is tree.kids, deep.kids[0] is tree.kids[0])
class Custom:
    def __init__(self): self.log = []
    def __copy__(self): c = Custom(); c.log = ['copied']; return c
    def __deepcopy__(self, memo): c = Custom(); c.log = ['deep-copied']; return c
print(copy.copy(Custom()).log, copy.deepcopy(Custom()).log)
cyc = [1]; cyc.append(cyc)
d = copy.deepcopy(cyc)
print(d[1] is d, d is not cyc)
print(copy.copy(5), copy.deepcopy('s'), copy.copy((1, [2])), copy.deepcopy({'a': {1, 2}}))
t = (1, 2); print(copy.copy(t) is t, copy.deepcopy(t) is t)
class Slots:
    __slots__ = ('a', 'b')
s = Slots(); s.a = [1]; s.b = 2
s2 = copy.deepcopy(s)
print(s2.a, s2.b, s2.a is not s.a)
class WithReduce:
    def __init__(self, x): self.x = x
    def __reduce__(self): return (WithReduce, (self.x * 10,))
print(copy.copy(WithReduce(1)).x)
