# Standard test vectors: FIPS 180-4 / NIST CSRC examples (SHA-1, SHA-2),
# RFC 1321 (MD5), FIPS 202 / NIST examples (SHA-3, SHAKE), RFC 7693
# appendices A and B (BLAKE2b, BLAKE2s), plus the RFC 7693 appendix E
# self-test over keyed and unkeyed digests of every size.
import _blake2
import _md5
import _sha1
import _sha256
import _sha3
import _sha512

ABC = b"abc"
TWO_BLOCK = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
TWO_BLOCK_512 = (b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                 b"ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
MILLION_A = b"a" * 1_000_000

vectors = [
    (_md5.md5, b"", "d41d8cd98f00b204e9800998ecf8427e"),
    (_md5.md5, ABC, "900150983cd24fb0d6963f7d28e17f72"),
    (_md5.md5, b"message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
    (_md5.md5, b"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
     "57edf4a22be3c955ac49da2e2107b67a"),
    (_sha1.sha1, b"", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
    (_sha1.sha1, ABC, "a9993e364706816aba3e25717850c26c9cd0d89d"),
    (_sha1.sha1, TWO_BLOCK, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    (_sha1.sha1, MILLION_A, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"),
    (_sha256.sha224, ABC, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"),
    (_sha256.sha224, TWO_BLOCK, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525"),
    (_sha256.sha256, b"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (_sha256.sha256, ABC, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (_sha256.sha256, TWO_BLOCK, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    (_sha256.sha256, MILLION_A, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    (_sha512.sha384, ABC,
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
    (_sha512.sha512, ABC,
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
     "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
    (_sha512.sha512, TWO_BLOCK_512,
     "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
     "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"),
    (_sha3.sha3_224, b"", "6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7"),
    (_sha3.sha3_224, ABC, "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf"),
    (_sha3.sha3_256, b"", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
    (_sha3.sha3_256, ABC, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
    (_sha3.sha3_256, TWO_BLOCK, "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376"),
    (_sha3.sha3_256, b"\xa3" * 200, "79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787"),
    (_sha3.sha3_384, ABC,
     "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25"),
    (_sha3.sha3_512, ABC,
     "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
     "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0"),
    (_blake2.blake2b, ABC,
     "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
     "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"),
    (_blake2.blake2s, ABC, "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"),
]
for ctor, data, want in vectors:
    h = ctor(data)
    got = h.hexdigest()
    print(h.name, len(data), got == want, got)
    assert h.digest() == bytes.fromhex(want)

shake = [
    (_sha3.shake_128, b"", 32, "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26"),
    (_sha3.shake_256, b"", 64,
     "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"
     "d75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be"),
    (_sha3.shake_128, b"The quick brown fox jumps over the lazy dog", 32,
     "f4202e3c5852f9182a0430fd8144f0a74b95e7417ecae17db0f8cfeed0e3e66e"),
]
for ctor, data, n, want in shake:
    h = ctor(data)
    print(h.name, n, h.hexdigest(n) == want)
    # A longer output starts with the shorter one; crossing the rate boundary.
    print(h.hexdigest(500).startswith(want), len(h.digest(1000)))


# RFC 7693 appendix E: the BLAKE2 self-test, a hash over the digests of
# deterministic inputs, keyed and unkeyed, of every output and input size.
def selftest_seq(n, seed):
    a = (0xDEAD4BAD * seed) & 0xFFFFFFFF
    b = 1
    out = bytearray()
    for _ in range(n):
        t = (a + b) & 0xFFFFFFFF
        a, b = b, t
        out.append((t >> 24) & 0xFF)
    return bytes(out)


def blake2_selftest(ctor, md_lens, in_lens):
    ctx = ctor(digest_size=32)
    for outlen in md_lens:
        for inlen in in_lens:
            data = selftest_seq(inlen, inlen)
            ctx.update(ctor(data, digest_size=outlen).digest())
            key = selftest_seq(outlen, outlen)
            ctx.update(ctor(data, digest_size=outlen, key=key).digest())
    return ctx.hexdigest()


print(blake2_selftest(_blake2.blake2b, (20, 32, 48, 64), (0, 3, 128, 129, 255, 1024))
      == "c23a7800d98123bd10f506c61e29da5603d763b8bbad2e737f5e765a7bccd475")
print(blake2_selftest(_blake2.blake2s, (16, 20, 28, 32), (0, 3, 64, 65, 255, 1024))
      == "6a411f08ce25adcdfb02aba641451cec53c598b24f4fc787fbdc88797f4c1dfe")
