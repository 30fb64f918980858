# binascii: differential check over pseudo-random inputs (a fixed LCG, so the inputs are the same everywhere).
import binascii as b
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return (seed >> 8) % n
def t(f, *a, **k):
    try: r = f(*a, **k)
    except Exception as e: r = (type(e).__name__, str(e))
    print(f.__name__, a, k, '->', r)
alpha_b64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/==== \n!'
alpha_qp = b'=AF0a9\r\n \t._xyz\x80\xff\x00.'
alpha_uu = b' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`\n\r\x7fa '
def rs(alpha, n):
    return bytes(alpha[rnd(len(alpha))] for _ in range(n))
for i in range(120):
    s = rs(alpha_b64, rnd(12))
    t(b.a2b_base64, s)
    t(b.a2b_base64, s, strict_mode=True)
for i in range(80):
    d = bytes(rnd(256) for _ in range(rnd(10)))
    t(b.b2a_base64, d); t(b.b2a_base64, d, newline=False)
    t(b.hexlify, d, b':', rnd(9) - 4)
    t(b.crc32, d, rnd(1 << 31) - (1 << 30)); t(b.crc_hqx, d, rnd(70000))
    t(b.b2a_uu, d, backtick=rnd(2))
    t(b.a2b_uu, b.b2a_uu(d)); t(b.a2b_uu, b.b2a_uu(d, backtick=True))
for i in range(120):
    s = rs(alpha_qp, rnd(14))
    t(b.a2b_qp, s); t(b.a2b_qp, s, header=True)
    t(b.b2a_qp, s); t(b.b2a_qp, s, quotetabs=True); t(b.b2a_qp, s, istext=False); t(b.b2a_qp, s, header=True)
for i in range(10):
    s = rs(alpha_qp, rnd(300))
    t(b.b2a_qp, s); t(b.b2a_qp, s, True, False, True)
    t(b.b2a_qp, s.replace(b'\n', b'')); t(b.b2a_qp, s.replace(b'\n', b'').replace(b'\r', b''))
for i in range(80):
    s = rs(alpha_uu, rnd(14))
    t(b.a2b_uu, s)
for i in range(40):
    s = rs(b'0123456789abcdefABCDEFgG', rnd(8))
    t(b.unhexlify, s)
