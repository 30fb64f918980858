"""Class-heavy object code: a 2-D scene of shapes built from small classes with __slots__, properties,
dataclasses, inheritance and many small method calls and attribute reads/writes. Moves particles,
tests them against shapes and accumulates statistics. Prints rounded totals as the checksum."""
import sys
from dataclasses import dataclass, field


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y


class Shape:
    kind = "shape"

    def __init__(self, name):
        self.name = name
        self.hits = 0

    def contains(self, p):
        raise NotImplementedError

    def record(self):
        self.hits += 1


class Circle(Shape):
    kind = "circle"

    def __init__(self, name, centre, radius):
        super().__init__(name)
        self.centre = centre
        self._radius = radius

    @property
    def radius(self):
        return self._radius

    @radius.setter
    def radius(self, value):
        self._radius = max(0.5, value)

    def contains(self, p):
        return (p - self.centre).norm2 <= self._radius * self._radius

    def area(self):
        return 3.141592653589793 * self.radius * self.radius


class Rect(Shape):
    kind = "rect"

    def __init__(self, name, lo, hi):
        super().__init__(name)
        self.lo = lo
        self.hi = hi

    def contains(self, p):
        return self.lo.x <= p.x <= self.hi.x and self.lo.y <= p.y <= self.hi.y

    @property
    def width(self):
        return self.hi.x - self.lo.x

    @property
    def height(self):
        return self.hi.y - self.lo.y

    def area(self):
        return self.width * self.height


@dataclass
class Particle:
    pos: Vec
    vel: Vec
    mass: float = 1.0
    bounces: int = 0
    trail: list = field(default_factory=list)

    def step(self, dt, size):
        p = self.pos + self.vel.scale(dt)
        v = self.vel
        if p.x < 0 or p.x > size:
            v = Vec(-v.x, v.y)
            self.bounces += 1
        if p.y < 0 or p.y > size:
            v = Vec(v.x, -v.y)
            self.bounces += 1
        self.vel = v
        self.pos = Vec(min(max(p.x, 0.0), size), min(max(p.y, 0.0), size))

    @property
    def energy(self):
        return 0.5 * self.mass * self.vel.norm2


@dataclass(frozen=True)
class Stat:
    name: str
    hits: int
    area: float


class Scene:
    def __init__(self, size, n_shapes, n_particles):
        self.size = size
        seed = 7
        def rnd():
            nonlocal seed
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            return seed / 0x7FFFFFFF
        self.shapes = []
        for i in range(n_shapes):
            if i % 2:
                self.shapes.append(Circle(f"c{i}", Vec(rnd() * size, rnd() * size), 1 + rnd() * 6))
            else:
                lo = Vec(rnd() * size, rnd() * size)
                self.shapes.append(Rect(f"r{i}", lo, lo + Vec(1 + rnd() * 8, 1 + rnd() * 8)))
        self.particles = [Particle(Vec(rnd() * size, rnd() * size), Vec(rnd() * 4 - 2, rnd() * 4 - 2),
                                   mass=0.5 + rnd()) for _ in range(n_particles)]

    def tick(self, dt):
        size = self.size
        for part in self.particles:
            part.step(dt, size)
            pos = part.pos
            for shape in self.shapes:
                if shape.contains(pos):
                    shape.record()

    def grow(self):
        for s in self.shapes:
            if isinstance(s, Circle):
                s.radius = s.radius * 1.01

    def stats(self):
        return [Stat(s.name, s.hits, round(s.area(), 3)) for s in self.shapes]


def main(steps):
    scene = Scene(100.0, 24, 120)
    for i in range(steps):
        scene.tick(0.25)
        if i % 10 == 0:
            scene.grow()
    stats = scene.stats()
    total_hits = sum(s.hits for s in stats)
    best = max(stats, key=lambda s: (s.hits, s.name))
    energy = sum(p.energy for p in scene.particles)
    bounces = sum(p.bounces for p in scene.particles)
    print("hits:", total_hits, "best:", best.name, best.hits, "area: %.3f" % sum(s.area for s in stats))
    print("energy: %.6f bounces: %d" % (energy, bounces))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1800)
