class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(3, 4)
print(p, p.norm2(), Point.norm2(p), p.dims, Point.dims, p.__dict__, Point.__name__, Point.__doc__)
p.dims = 3
print(p.dims, Point.dims, type(p) is Point, isinstance(p, object), p.__class__.__name__)
Point.dims = 10
q = Point(0, 0)
print(q.dims, p.dims, sorted(k for k in Point.__dict__ if not k.startswith('__')))
print(Point.__module__, Point.__qualname__, Point.__bases__, Point.__mro__)
