n = [0, 1_000, 0x1F, 0o17, 0b101, 1.5, .5, 5., 1e10, 1E-5, 3j, 1.5J]
s = [rb'raw bytes', Rb"x", f'{n!r}', F"{n:>10}", u'unicode', 'é']
t = """multi
line"""
if n:
	pass
