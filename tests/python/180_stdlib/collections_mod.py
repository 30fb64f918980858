from collections import Counter, OrderedDict, defaultdict, deque, namedtuple, ChainMap, UserDict, UserList, UserString
c = Counter(['a', 'b', 'a', 'c', 'a', 'b'])
print(c, c.most_common(), c.total(), c['zz'], +Counter(a=2, b=-1), Counter(a=3) - Counter(a=1), Counter(a=1) & Counter(a=2), Counter(a=1) | Counter(a=2))
print(sorted(Counter('hello world').items()), dict(Counter(x=1)), Counter('aab') == Counter('aba'))
od = OrderedDict([('x', 1), ('y', 2), ('z', 3)])
od.move_to_end('x'); od.move_to_end('z', last=False)
print(od, od.popitem(), od.popitem(last=False), list(od))
dd = defaultdict(int)
for ch in 'mississippi':
    dd[ch] += 1
print(sorted(dd.items()), dd.default_factory, defaultdict(lambda: 'x')['k'])
dq = deque(range(5))
dq.extendleft([-1, -2]); dq.rotate(2)
print(dq, dq.count(0), dq.index(2), deque('abc', maxlen=2), list(reversed(dq)))
Pt = namedtuple('Pt', ['x', 'y'], defaults=[0])
print(Pt(1), Pt(1, 2)._asdict(), Pt._field_defaults, Pt(3, 4) == (3, 4), repr(Pt(5, 6)), Pt.__doc__)
try:
    namedtuple('Bad', ['def', 'x'])
except ValueError as e:
    print(e)
R = namedtuple('R', 'a def', rename=True)
print(R._fields)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
child = cm.new_child({'c': 4})
child['a'] = 'new'
print(child, dict(child), cm.parents)
class MyDict(UserDict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
md = MyDict(a=1); md['b'] = 2
print(md, md.data, isinstance(md, dict))
ul = UserList([1, 2]); ul.append(3); print(ul, ul.data, ul[::-1])
us = UserString('abc'); print(us.upper(), us + 'd', len(us))
