# The native hash modules' interface as CPython 3.11 has it: module contents,
# type names and reprs, name/digest_size/block_size, SHA-3 internals, BLAKE2
# constants, and the errors (wording included) for bad arguments.
import re

import _blake2
import _md5
import _sha1
import _sha256
import _sha3
import _sha512


def t(f):
    try:
        r = f()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("   ok", re.sub(r"0x[0-9a-f]+", "0x...", repr(r))[:70])


for mod in (_md5, _sha1, _sha256, _sha512, _sha3, _blake2):
    print(mod.__name__, sorted(x for x in dir(mod) if not x.startswith("_")
                               and x not in ("implementation", "keccakopt")))
print(_sha1.SHA1Type, _sha256.SHA224Type, _sha256.SHA256Type, _md5.MD5Type, _sha512.SHA384Type)

FUNCS = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512]
TYPES = [_sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _sha3.shake_128, _sha3.shake_256,
         _blake2.blake2b, _blake2.blake2s]
for f in FUNCS + TYPES:
    o = f(b"x", usedforsecurity=False)
    T = type(o)
    print(T, T.__name__, T.__module__, re.sub(r"0x[0-9a-f]+", "0x...", repr(o)),
          o.name, o.digest_size, o.block_size)
    print("  ", sorted(x for x in dir(o) if not x.startswith("__")))
    t(lambda: type("Sub", (T,), {}))
    if f in FUNCS:
        t(lambda: T())
        print("  ", f.__doc__)
for f in TYPES[:6]:
    o = f()
    print(o.name, o._capacity_bits, o._rate_bits, o._suffix)
for B in (_blake2.blake2b, _blake2.blake2s):
    print(B.__name__, B.SALT_SIZE, B.PERSON_SIZE, B.MAX_KEY_SIZE, B.MAX_DIGEST_SIZE,
          B(digest_size=7).digest_size, B(digest_size=7).name)
print({k: getattr(_blake2, k) for k in dir(_blake2) if k.isupper()})

print("constructor errors")
for f in FUNCS[:2] + TYPES[::3]:
    print(f.__name__)
    t(lambda: f("abc"))
    t(lambda: f(1))
    t(lambda: f(None))
    t(lambda: f(b"a", b"b"))
    t(lambda: f(data=b"a"))
    t(lambda: f(string=b"a"))
    t(lambda: f(b"", string=b""))
    t(lambda: f(b"", usedforsecurity=False, foo=1))
    t(lambda: f(foo=1))
    t(lambda: f(bytearray(b"abc")).hexdigest())
    t(lambda: f(memoryview(b"abc")).hexdigest())

print("method errors")
for f in FUNCS[:1] + TYPES[::3]:
    o = f()
    print(o.name)
    t(lambda: o.update("x"))
    t(lambda: o.update(1))
    t(lambda: o.update())
    t(lambda: o.update(b"", b""))
    t(lambda: o.update(data=b""))
    t(lambda: o.copy(1))
    t(lambda: o.digest(x=1))
    t(lambda: o.hexdigest(1, 2))
    t(lambda: o.digest(1))
    t(lambda: o.digest())

print("shake lengths")
o = _sha3.shake_128(b"a")
for n in (-1, 0, 3, 2 ** 29 - 1 - 2 ** 29 + 5, 2 ** 29, 2 ** 62, 2 ** 64, "3", 1.5, True):
    t(lambda: o.digest(n))
    t(lambda: o.hexdigest(n))
t(lambda: o.digest(length=3))

print("blake2 parameters")
for B in (_blake2.blake2b, _blake2.blake2s):
    D = B.MAX_DIGEST_SIZE
    print(B.__name__)
    for kw in [dict(digest_size=0), dict(digest_size=D + 1), dict(digest_size=-1), dict(digest_size=2 ** 64),
               dict(digest_size="x"), dict(digest_size=1.0), dict(digest_size=True),
               dict(key=b"x" * (B.MAX_KEY_SIZE + 1)), dict(key="x"), dict(key=b"x" * B.MAX_KEY_SIZE),
               dict(salt=b"x" * (B.SALT_SIZE + 1)), dict(salt=1), dict(salt=memoryview(b"ab")),
               dict(person=b"x" * (B.PERSON_SIZE + 1)), dict(person=b"x" * B.PERSON_SIZE),
               dict(fanout=-1), dict(fanout=256), dict(fanout=1.5), dict(fanout=0),
               dict(depth=0), dict(depth=256), dict(depth=255),
               dict(leaf_size=-1), dict(leaf_size=2 ** 32), dict(leaf_size=2 ** 32 - 1), dict(leaf_size=2 ** 64),
               dict(leaf_size=1.5),
               dict(node_offset=-1), dict(node_offset=2 ** 48), dict(node_offset=2 ** 48 - 1),
               dict(node_offset=2 ** 64), dict(node_offset=1.5),
               dict(node_depth=-1), dict(node_depth=256), dict(inner_size=-1), dict(inner_size=D + 1),
               dict(inner_size=D), dict(last_node=2), dict(last_node=[]), dict(usedforsecurity=0),
               dict(digest_size=0, key=b"x" * 100), dict(key=b"x" * 100, salt=b"x" * 100)]:
        print("  ", re.sub(r"0x[0-9a-f]+", "0x...", repr(kw)) if len(repr(kw)) < 40 else list(kw))
        t(lambda: B(b"abc", **kw).hexdigest())
    t(lambda: B("x", digest_size=0))
    t(lambda: B(1, key=b"x" * 100))
    t(lambda: B("x", key=b"k"))
