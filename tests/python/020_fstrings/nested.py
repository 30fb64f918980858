width, prec = 10, 3
x = 3.14159265
print(f"{x:{width}.{prec}f}|")
print(f"{x:{'>' if width > 5 else '<'}{width}}|")
fmt = ".2e"
print(f"{x:{fmt}}")
print(f"{f'{x:.1f}':>8}|")
print(f"{'{'}{'}'}", f"{{}}", f"{{{x:.0f}}}")
items = ['a', 'b', 'c']
print(f"{', '.join(f'<{i}>' for i in items)}")
print(f"{ {'a': 1}['a'] }")
print(f"{x!r:>20}|")
