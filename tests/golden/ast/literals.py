a = 1_000
b = 0xFF
c = 1.5e-3
d = 2j
e = 'str'
f = b'bytes'
g = r'\raw'
h = f'{x!r:>{width}} and {y=}'
i = 'implicit' 'concat'
j = None, True, False, ...
k = [1, 2], (3,), {4}, {5: 6}, ()
