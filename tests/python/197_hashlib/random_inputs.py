# Digests of deterministic pseudo-random inputs of many lengths (empty, around
# every block size, large), fed in one piece, in random pieces and byte by
# byte, and copy() then diverge; BLAKE2 with random parameters; SHAKE with
# random output lengths. Expected output comes from CPython.
import random

import _blake2
import _md5
import _sha1
import _sha256
import _sha3
import _sha512

CTORS = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
         _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]
SHAKES = [_sha3.shake_128, _sha3.shake_256]

rng = random.Random(197)


def data(n):
    return rng.randbytes(n)


def hexof(h):
    return h.hexdigest(37) if h.digest_size == 0 else h.hexdigest()


def lengths(block):
    near = [0, 1, block - 1, block, block + 1, 2 * block - 1, 2 * block, 2 * block + 1,
            block - 9, block - 8, block - 17, block - 16, block - 15]
    return sorted({n for n in near if n >= 0} | {rng.randrange(1, 5 * block) for _ in range(6)})


for ctor in CTORS + SHAKES:
    block = ctor().block_size
    for n in lengths(block):
        buf = data(n)
        one = ctor(buf)
        pieces = ctor()
        i = 0
        while i < n:
            k = rng.randrange(0, block + 3)
            pieces.update(buf[i:i + k])
            i += k
        bytewise = ctor()
        for j in range(n):
            bytewise.update(buf[j:j + 1])
        a, b, c = hexof(one), hexof(pieces), hexof(bytewise)
        print(one.name, n, a, a == b == c)

# Large inputs (above the size where updates run without the GIL), as bytes,
# bytearray and memoryview.
for ctor in CTORS + SHAKES:
    big = data(100_003)
    h1 = ctor(big)
    h2 = ctor(bytearray(big))
    h3 = ctor()
    h3.update(memoryview(big)[:50_000])
    h3.update(memoryview(big)[50_000:])
    print(h1.name, "large", hexof(h1), hexof(h1) == hexof(h2) == hexof(h3))

# copy() then diverge: the copy and the original each continue on their own.
for ctor in CTORS + SHAKES:
    h = ctor(data(rng.randrange(300)))
    c = h.copy()
    h.update(b"left")
    c.update(b"right")
    d = c.copy()
    print(h.name, "copy", hexof(h), hexof(c), hexof(d) == hexof(c), type(c) is type(h))
    # digest() does not finalise the object: it can keep being updated.
    before = hexof(h)
    h.update(b"more")
    print(h.name, "digest again", before != hexof(h), hexof(ctor(b"")) == hexof(ctor()))

# BLAKE2 with random parameters.
for ctor in (_blake2.blake2b, _blake2.blake2s):
    S, P, K, D = ctor.SALT_SIZE, ctor.PERSON_SIZE, ctor.MAX_KEY_SIZE, ctor.MAX_DIGEST_SIZE
    for i in range(40):
        kw = dict(digest_size=rng.randint(1, D))
        if rng.random() < 0.6:
            kw["key"] = data(rng.randint(0, K))
        if rng.random() < 0.5:
            kw["salt"] = data(rng.randint(0, S))
        if rng.random() < 0.5:
            kw["person"] = data(rng.randint(0, P))
        if rng.random() < 0.4:
            kw.update(fanout=rng.randint(0, 255), depth=rng.randint(1, 255),
                      leaf_size=rng.randrange(2 ** 32),
                      node_offset=rng.randrange(2 ** (64 if D == 64 else 48)),
                      node_depth=rng.randint(0, 255), inner_size=rng.randint(0, D),
                      last_node=rng.random() < 0.5)
        msg = data(rng.choice([0, 1, 63, 64, 65, 127, 128, 129, 256, rng.randrange(1000)]))
        h = ctor(msg, **kw)
        print(h.name, i, h.digest_size, len(h.digest()), h.hexdigest())
    print(ctor(b"x", digest_size=D // 2).hexdigest(), ctor(b"x", last_node=True).hexdigest())

# SHAKE with random output lengths, including zero and across the rate.
for ctor in SHAKES:
    h = ctor(data(333))
    for n in [0, 1, 31, 32, 167, 168, 169, 135, 136, 137, 1000] + [rng.randrange(2000) for _ in range(5)]:
        d = h.digest(n)
        print(h.name, n, len(d), d[-8:].hex(), h.hexdigest(n) == d.hex(), h.digest(2000)[:n] == d)
