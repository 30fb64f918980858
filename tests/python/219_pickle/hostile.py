# Hostile length fields and deep nesting: CPython's exceptions, never a crash.
import _pickle, io
cases = [b'\x8e' + (2**63 + 5).to_bytes(8, 'little'),
         b'\x8d' + (2**64-1).to_bytes(8, 'little'), b'X\xff\xff\xff\xff', b'(' * 1000000 + b'.', b']' * 1000000 + b'.',
         b'N\x94' * 100000 + b'.', b'\x95' + (2**64-1).to_bytes(8, 'little')]
for c in cases:
    for f in (lambda: _pickle.loads(c), lambda: _pickle.load(io.BytesIO(c)), lambda: _pickle.load(io.BufferedReader(io.BytesIO(c)))):
        try:
            r = f(); print('OK', type(r).__name__)
        except Exception as e:
            print(type(e).__name__, str(e)[:80])
