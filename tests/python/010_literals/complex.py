# Complex literals.
print(1j, 2.5j, 1 + 2j, 1e3j, 0j, -1j, 1_0j)
z = 3 + 4j
print(z.real, z.imag, abs(z), z.conjugate())
print(complex(1, 2), complex('1+2j'), complex(-0.0, 0.0), complex(2))
print((1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1j) ** 2)
print(repr(complex(1.5, -2.25)), str(1e20j), 1j.imag)
print(type(1j).__name__, 1j == complex(0, 1), (1 + 0j) == 1)
