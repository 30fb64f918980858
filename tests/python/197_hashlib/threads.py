# Hashing from several threads: large updates (which run without the GIL)
# on one shared object from every thread at once must all be counted, and
# private objects in parallel give the single-threaded digests; digest()
# and copy() while other threads update see a consistent state.
import _blake2
import _md5
import _sha1
import _sha256
import _sha3
import _sha512
import threading

CTORS = [_md5.md5, _sha1.sha1, _sha256.sha256, _sha512.sha512, _sha3.sha3_256, _sha3.shake_128,
         _blake2.blake2b, _blake2.blake2s]
CHUNK = bytes(range(256)) * 40  # 10240 bytes, a multiple of every block size
ROUNDS = 25
NTHREADS = 4


def hexof(h):
    return h.hexdigest(16) if h.digest_size == 0 else h.hexdigest()


for ctor in CTORS:
    # Every update adds the same chunk, so the digest does not depend on the
    # order the threads take turns in; a lost or torn update would change it.
    shared = ctor()
    seen = []

    def work():
        for i in range(ROUNDS):
            shared.update(CHUNK)
            if i % 5 == 0:
                seen.append(len(shared.copy().digest(*([8] if shared.digest_size == 0 else []))))

    threads = [threading.Thread(target=work) for _ in range(NTHREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expect = ctor(CHUNK * (ROUNDS * NTHREADS))
    print(shared.name, hexof(shared) == hexof(expect), len(seen), len(set(seen)))

# Private objects in parallel.
results = {}


def private(k, ctor):
    h = ctor()
    for i in range(ROUNDS):
        h.update(CHUNK + bytes([k, i]))
    results[k] = hexof(h)


threads = [threading.Thread(target=private, args=(k, ctor)) for k, ctor in enumerate(CTORS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k, ctor in enumerate(CTORS):
    h = ctor()
    for i in range(ROUNDS):
        h.update(CHUNK + bytes([k, i]))
    print(h.name, results[k] == hexof(h), results[k][:16])
