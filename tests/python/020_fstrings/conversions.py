class P:
    def __repr__(self): return 'P-repr'
    def __str__(self): return 'P-str'
    def __format__(self, spec): return f'P-format[{spec}]'
p = P()
print(f"{p}", f"{p!r}", f"{p!s}", f"{p!a}", f"{p:xyz}", f"{p!r:>10}")
print(f"{'ünï'!a}", ascii('ünï'), f"{b'x'!r}")
print(f"{None}", f"{True}", f"{...}")
