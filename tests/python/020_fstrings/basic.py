name, n = "world", 42
print(f"hello {name}!", f"{n}", f"{n + 1}", f"{name.upper()}", f"{[1, 2][0]}")
print(f"{'a' if n > 10 else 'b'}", f"{n:>5}|", f"{n:<5}|", f"{n:^7}|", f"{n:05}")
d = {'k': 'v'}
print(f"{d['k']}", f"{len(d)}", f"{(lambda x: x * 2)(3)}")
print(f"{n!r}", f"{name!r}", f"{name!s}", f"{'é'!a}", f"{'é'!r}")
print(f"{3.14159:.2f}", f"{1234567:,}", f"{1234567:_}", f"{0.25:%}", f"{0.25:.1%}")
print(f"{255:x} {255:X} {255:o} {255:b} {255:#x} {255:#o} {255:#b}")
print(f"{-3:+} {3:+} {3: } {-3: }")
print(f"{'txt':*^11}", f"{12.5:e}", f"{12.5:E}", f"{12.5:g}", f"{1e20:g}")
