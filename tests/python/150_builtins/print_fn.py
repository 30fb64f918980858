import sys, io
print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep=' | ', end=' <end>\n')
print()
print('no newline', end='')
print(' then newline')
print(*range(5), sep=', ')
print('to stderr', file=sys.stderr) if False else None
buf = io.StringIO()
print('into buffer', 42, file=buf, flush=True)
print(repr(buf.getvalue()))
print('flush ok', flush=True)
print(None, True, 1.5, [1, 'x'], {'k': (1,)}, sep='\n')
print('x', sep=None, end=None)
try:
    print('x', sep=5)
except TypeError as e:
    print(e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print('a', 'b', file=w)
print(w.parts)
