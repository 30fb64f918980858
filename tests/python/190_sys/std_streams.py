import sys, io
sys.stdout.write('write ')
sys.stdout.write('no newline\n')
sys.stdout.flush()
print(sys.stdout.isatty(), sys.stdin.isatty(), sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(repr(sys.stdin.read()))
old = sys.stdout
sys.stdout = io.StringIO()
print('captured line')
captured = sys.stdout.getvalue()
sys.stdout = old
print('got', repr(captured))
sys.stdout.buffer.write(b'raw bytes via buffer\n')
sys.stdout.buffer.flush()
print(sys.stdout.line_buffering in (True, False), sys.stdout.errors, sys.stdin.encoding.lower().replace('-', ''))
