@a
@b.c(1)
@d[0]
@(lambda f: f)
def f(): pass
@dataclass(frozen=True)
class C: pass
