# zlib under threads: the calls release the GIL for large inputs, and each
# Compress/Decompress object has a lock, so threads working on their own data
# and threads sharing one object must give the same results as one thread.
# (Correctness only; no timing.)
import random, threading, zlib

rnd = random.Random(5)
words = [bytes(rnd.choice(b'abcdefghij') for _ in range(rnd.randrange(1, 8))) for _ in range(300)]
texts = [b' '.join(rnd.choice(words) for _ in range(rnd.randrange(20000, 40000))) for _ in range(4)]
noise = [rnd.randbytes(20000) for _ in range(4)]
bigarray = bytearray(texts[0])

def run(fn, args_list):
    results = [None] * len(args_list)
    errors = []
    def body(i, args):
        try:
            results[i] = fn(*args)
        except BaseException as e:
            errors.append(repr(e))
    ts = [threading.Thread(target=body, args=(i, a)) for i, a in enumerate(args_list)]
    for t in ts: t.start()
    for t in ts: t.join()
    return results, errors

# 1. independent data, module functions and own objects
def oneshot(data, level):
    out = []
    for _ in range(3):
        c = zlib.compress(data, level)
        out.append((len(c), zlib.crc32(c), zlib.decompress(c) == data, zlib.crc32(data), zlib.adler32(data)))
    return out
def streaming(data, level):
    co = zlib.compressobj(level, zlib.DEFLATED, -15)
    parts = [co.compress(data[i:i + 7000]) for i in range(0, len(data), 7000)] + [co.flush()]
    comp = b''.join(parts)
    do = zlib.decompressobj(-15)
    got = b''
    rest = comp
    while rest:  # max_length leaves an unconsumed tail to feed again
        got += do.decompress(rest, 9000)
        rest = do.unconsumed_tail
    got += do.flush()
    return zlib.crc32(comp), got == data, do.eof
args = [(t, lvl) for t in texts for lvl in (1, 6)]
single = [oneshot(*a) for a in args]
res, errs = run(oneshot, args)
print('oneshot: same as one thread', res == single, 'round trips', all(r[2] for x in res for r in x), errs)
single = [streaming(*a) for a in args]
res, errs = run(streaming, args)
print('streaming: same as one thread', res == single, res[0][1:], errs)
res, errs = run(lambda b: (zlib.crc32(b), zlib.adler32(b), zlib.crc32(memoryview(b)[1:])), [(bigarray,)] * 4 + [(n,) for n in noise])
print('checksums', res[:4] == [(zlib.crc32(texts[0]), zlib.adler32(texts[0]), zlib.crc32(texts[0][1:]))] * 4,
      [r == (zlib.crc32(n), zlib.adler32(n), zlib.crc32(n[1:])) for r, n in zip(res[4:], noise)], errs)

# 2. one Decompress shared by four threads. After a full flush the compressor
# starts afresh, so every flushed copy of the same block is the same bytes and
# the stream can be fed piece by piece in any order: each call must return
# exactly one block.
block = noise[0]
co = zlib.compressobj(6)
head = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
piece = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
print('pieces identical', co.compress(block) + co.flush(zlib.Z_FULL_FLUSH) == piece, len(piece) > 5 * 1024)
do = zlib.decompressobj()
first = do.decompress(head)
res, errs = run(lambda k: [do.decompress(piece) == block for _ in range(k)], [(25,)] * 4)
print('shared decompressor: calls', sum(len(r) for r in res), 'all whole blocks', all(all(r) for r in res), errs)

# 3. one Compress shared by a compressing thread and a copying thread: every
# copy is taken between two compress() calls, so its flush ends a valid stream
# holding a whole number of chunks.
chunk = noise[1]
co = zlib.compressobj(6)
outs, snaps = [], []
def compressing():
    for _ in range(30):
        outs.append(co.compress(chunk))
def copying():
    for _ in range(30):
        snaps.append(co.copy().flush())
res, errs = run(lambda f: f(), [(compressing,), (copying,)])
outs.append(co.flush())
print('shared compressor: stream ok', zlib.decompress(b''.join(outs)) == chunk * 30, errs)
def snapshot_ok(tail):
    for k in range(31):
        try:
            if zlib.decompressobj().decompress(b''.join(outs[:k]) + tail) == chunk * k:
                return True
        except zlib.error:
            pass
    return False
print('copies taken between calls', len(snaps), all(snapshot_ok(t) for t in snaps))

# 4. a bytearray is pinned while zlib reads it without the GIL: resizing it
# from another thread meanwhile raises BufferError (between calls it works).
ba = bytearray(texts[1])
outcomes = set()
def resizing():
    for _ in range(200):
        try:
            ba.extend(b'x')
            del ba[-1]
            outcomes.add('resized')
        except BufferError:
            outcomes.add('BufferError')
res, errs = run(lambda f: f(), [(lambda: [zlib.decompress(zlib.compress(ba)) in (texts[1], texts[1] + b'x') for _ in range(10)],), (resizing,)])
print('pinned bytearray: round trips', all(res[0]), 'other outcomes', outcomes - {'resized', 'BufferError'}, errs, len(ba))
