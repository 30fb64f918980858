from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar, KW_ONLY
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
p.tags.append('t')
print(p, Point(1, 2) == Point(1, 2), asdict(p), astuple(p), replace(p, y=5), [f.name for f in fields(p)])
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
print(sorted([Ver(1, 2), Ver(0, 9), Ver(1, 0)]), Ver(1) < Ver(1, 1), hash(Ver(1)) == hash(Ver(1)))
try:
    Ver(1).major = 2
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.b = self.a * scale
print(WithPost(3, 10), WithPost(2))
@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
print(KW(1, b=3))
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(e)
@dataclass(repr=False, eq=False)
class Plain:
    v: int
print(Plain(1) == Plain(1), Plain.__repr__ is object.__repr__)
@dataclass(slots=True)
class Slotted:
    a: int
print(Slotted(1), hasattr(Slotted(1), '__dict__'), Slotted.__slots__)
@dataclass
class Child(Point):
    z: int = 9
print(Child(1, 2, [], 3), field(default=1).default)
