import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(2), Color['BLUE'], Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, [m.name for m in Color.__members__.values()], list(Color.__members__))
try:
    Color(7)
except ValueError as e:
    print(e)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, int(rw), rw & Perm.W, Perm(7), ~Perm.R)
class Shape(enum.IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.CIRCLE == 1, Shape.SQUARE + 1, sorted([Shape.SQUARE, Shape.CIRCLE]), f'{Shape.CIRCLE}', str(Shape.CIRCLE))
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(Auto.A.value, Auto.B.value)
class S(enum.StrEnum):
    X = enum.auto()
    Y = 'why'
print(S.X, S.Y.upper(), S.X == 'x')
@enum.unique
class U(enum.Enum):
    A = 1
try:
    @enum.unique
    class D(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius
    @property
    def gravity(self): return round(6.673e-11 * self.mass / self.radius ** 2, 2)
print(Planet.EARTH.gravity, Planet.EARTH.value)
class F(enum.Flag):
    A = enum.auto()
    B = enum.auto()
print(F.A | F.B, list(F.A | F.B), bool(F(0)), F.A.value, F.B.value)
Animal = enum.Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
