# Pickling to and unpickling from file objects: which file methods are called
# (peek/read/readline/readinto/write), where the file is left after a pickle,
# several pickles in one stream, frames flushed while dumping large data.
import io, pickle, _pickle

class Reader(io.BytesIO):
    # peek() shows at most 8 KiB ahead, without moving (io.BufferedReader's
    # peek depends on its buffer's state).
    def peek(self, n=1):
        pos = self.tell()
        data = self.read(min(max(n, 1), 8192))
        self.seek(pos)
        return data

class Logged:
    def __init__(self, data, methods):
        self.f = Reader(data)
        self.log = []
        for m in methods:
            setattr(self, m, self._wrap(m))
    def _wrap(self, name):
        def call(*args):
            r = getattr(self.f, name)(*args)
            self.log.append((name, args if name != 'readinto' else len(args[0]),
                             len(r) if isinstance(r, bytes) else r))
            return r
        return call

class W:
    def __init__(self): self.chunks = []
    def write(self, b): self.chunks.append(bytes(b)); return len(b)

values = [1, 'abc', [1, 2, (3, 4)], b'x' * 200000, list(range(30000)), {'k': 'v' * 70000}]
for proto in range(6):
    stream = b''.join(_pickle.dumps(v, proto) for v in values) + b'trailer'
    for methods in (['read', 'readline'], ['read', 'readline', 'peek'], ['read', 'readline', 'readinto'],
                    ['read', 'readline', 'peek', 'readinto']):
        f = Logged(stream, methods)
        out = [type(_pickle.load(f)).__name__ for _ in values]
        calls = {}
        for name, *_ in f.log:
            calls[name] = calls.get(name, 0) + 1
        print(proto, methods, out, f.f.read(), sorted(calls.items()))
    w = W()
    p = _pickle.Pickler(w, proto)
    for v in values:
        p.dump(v)
    print(proto, [len(c) for c in w.chunks][:12], b''.join(w.chunks) == b''.join(_pickle.dumps(v, proto) for v in values))

# Readers returning the wrong thing, and truncated files.
class BadRead:
    def read(self, n): return 'str'
    def readline(self): return b'.'
try:
    _pickle.load(BadRead())
except Exception as e:
    print(type(e).__name__, e)
for data in [b'', b'\x80\x04\x95', b'\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00N', b'B\x00\x00\x01\x00ab', b'I12']:
    for methods in (['read', 'readline'], ['read', 'readline', 'peek', 'readinto']):
        try:
            print(_pickle.load(Logged(data, methods)))
        except Exception as e:
            print(type(e).__name__, e)
print(_pickle.load(io.BytesIO(b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00I42\n.')))
