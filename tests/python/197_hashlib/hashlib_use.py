# hashlib and hmac over the native modules: importing hashlib writes nothing
# to stderr (it used to log one error per missing algorithm), every guaranteed
# algorithm works through hashlib.new and its named constructor, hmac with
# SHA-256 (RFC 4231 vectors), pbkdf2_hmac (RFC 6070 vectors), file_digest.
import subprocess
import sys

r = subprocess.run([sys.executable, "-c", "import hashlib, hmac"], capture_output=True, text=True)
print("import hashlib:", r.returncode, repr(r.stdout), repr(r.stderr))

import hashlib  # noqa: E402
import hmac  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402
import warnings  # noqa: E402

print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b"gilpy")
    g = getattr(hashlib, name)(b"gilpy")
    h2 = hashlib.new(name.upper() if name.startswith("sha") and "_" not in name else name)
    h2.update(b"gil")
    h2.update(b"py")
    if name.startswith("shake"):
        print(name, h.digest_size, h.block_size, h.hexdigest(20), g.hexdigest(20) == h2.hexdigest(20))
    else:
        print(name, h.digest_size, h.block_size, h.hexdigest(), g.hexdigest() == h2.hexdigest())
    n = [9] if "shake" in name else []
    print("  ", hashlib.new(name, usedforsecurity=False).name == name, h.copy().digest(*n) == h.digest(*n))

try:
    hashlib.new("nosuchhash")
except ValueError as e:
    print("ValueError", e)
for bad in ("abc", 42):
    try:
        hashlib.sha256(bad)
    except TypeError as e:
        print("TypeError", e)

# RFC 4231 test cases 1, 2 and 6 (HMAC-SHA-256).
print(hmac.new(b"\x0b" * 20, b"Hi There", "sha256").hexdigest()
      == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
print(hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).hexdigest()
      == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
print(hmac.new(b"\xaa" * 131, b"Test Using Larger Than Block-Size Key - Hash Key First", "sha256").hexdigest()
      == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
mac = hmac.new(b"key", digestmod="sha256")
mac.update(b"The quick brown fox ")
c = mac.copy()
mac.update(b"jumps over the lazy dog")
print(mac.hexdigest(), mac.name, mac.digest_size, mac.block_size)
print(c.hexdigest())
print(hmac.digest(b"key", b"msg", "sha3_256").hex(), hmac.digest(b"key", b"msg", "blake2b").hex()[:32])
print(hmac.compare_digest(mac.digest(), hmac.new(b"key", b"The quick brown fox jumps over the lazy dog",
                                                 "sha256").digest()))
print(hmac.new(b"k", b"m", "md5").hexdigest(), hmac.new(b"k", b"m", "sha1").hexdigest())

# pbkdf2_hmac: CPython's is OpenSSL's; without _hashlib, hashlib's pure-Python
# fallback (which warns that it is deprecated). RFC 6070 (SHA-1) vectors.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 1, 20).hex()
          == "0c60c80f961f0e71f3a9b524af6012062fe037a6")
    print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 4096, 20).hex()
          == "4b007901b765489abead49d926f721d065a429c1")
    print(hashlib.pbkdf2_hmac("sha1", b"passwordPASSWORDpassword", b"saltSALTsaltSALTsaltSALTsaltSALTsalt",
                              4096, 25).hex() == "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038")
    print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 2).hex())
    print(hashlib.pbkdf2_hmac("sha512", b"pw", b"NaCl", 10, 100).hex())
    print(hashlib.pbkdf2_hmac("sha256", bytearray(b"pw"), memoryview(b"salt"), 3, dklen=None).hex())

# file_digest: a binary file object, an io.BytesIO, and a digest given by name or callable.
payload = bytes(range(256)) * 3000
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data.bin")
    with open(path, "wb") as f:
        f.write(payload)
    with open(path, "rb") as f:
        print(hashlib.file_digest(f, "sha256").hexdigest() == hashlib.sha256(payload).hexdigest())
    with open(path, "rb") as f:
        print(hashlib.file_digest(f, hashlib.blake2s).hexdigest())
print(hashlib.file_digest(io.BytesIO(payload), "sha3_512").hexdigest()[:64])
print(hashlib.file_digest(io.BytesIO(b""), lambda: hashlib.md5()).hexdigest())
