# _crypt.crypt on libxcrypt (crypt_r) and the crypt module over it:
# fixed salts of several methods, bad salts, argument errors.
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt
import _crypt

for salt in ["ab", "$1$saltsalt", "$5$rounds=1000$saltsalt", "$6$saltsalt", "$2b$04$abcdefghijklmnopqrstuu",
             "$y$j9T$abcdefghijklmnop$", "", "!", "*0", "$7$xx"]:
    print(repr(salt), repr(_crypt.crypt("password", salt)))
print(_crypt.crypt("é", "ab"))
for args in [("a",), ("a", "b", "c"), (1, "ab"), ("a", 1), ("a\0", "ab"), ("a", "a\0"), ("\udc80", "ab")]:
    try:
        _crypt.crypt(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _crypt.crypt(word="a", salt="b")
except TypeError as e:
    print(e)
print([m.name for m in crypt.methods])
for m in crypt.methods:
    h = crypt.crypt("secret", m)
    print(m.name, len(h), h.startswith(m.ident and "$" + m.ident + "$" or ""), crypt.crypt("secret", h) == h)
print(len(crypt.mksalt(crypt.METHOD_SHA512)), crypt.mksalt(crypt.METHOD_SHA256, rounds=5000)[:13])
