# Corrupt, truncated and hostile pickles: the exception type and message of
# the C unpickler for each.
import pickle, io
bad = [b'', b'N', b'\x80\x06N.', b'x', b'\xff', b"'", b'0.', b'(0.', b'a.', b'(a.', b']Na.', b'}N.', b'}Ns.', b'(}Nu.',
  b'h\x05.', b'g5\n.', b'j\x00\x00\x00\x00.', b'p-1\n.', b'q\x00.', b'r\xff\xff\xff\xff.', b'\x94.', b'S.', b'Sabc\n.',
  b"S'abc\n.", b'T\xff\xff\xff\xff.', b'T\x05\x00\x00\x00ab', b'P1\n.', b'N\x94Q.', b'\x82\x00.', b'\x82\x01.', b'\x93.',
  b'N\x93.', b'\x8c\x01aN\x93.', b'cnomod\nX\n.', b'c__builtin__\nnope\n.', b'\x81.', b'NN\x81.', b'c__builtin__\nint\nN\x81.', b'\x92.',
  b'I12x\n.', b'Ixyz\n.', b'F1.5x\n.', b'L12\n.', b'(N(t.', b'(Nl.', b'(Nd.', b'N(Nd.', b'b.', b'NNb.', b'](N\x90.', b'N(N\x90.', b'\x91.',
  b'\x95\x05\x00\x00\x00\x00\x00\x00\x00N.', b'\x8e\xff\xff\xff\xff\xff\xff\xff\x7f', b'\x97.', b'B\x05\x00\x00\x00ab',
  b'X\x02\x00\x00\x00\xff\xfe.', b'V\\u12\n.', b'o.', b'(o.', b'N(No.', b'\x8a\x02\xff', b'\x8b\xff\xff\xff\xff.',
  b'1.', b'(2.', b'NN2.', b'N(2.', b'\x80\x02(.', b'N(.', b'(N.', b'K', b'M\x01', b'J\x01\x02']
for d in bad:
    try:
        r = pickle.loads(d)
        print(d, 'OK', repr(r)[:60])
    except Exception as e:
        print(d, type(e).__name__, str(e)[:100])
bad = [b'(c__builtin__\nint\n]\x92.', b'c__builtin__\nint\n)N\x92.', b'c__builtin__\nint\n)}\x92.', b'N)}\x92.', b'c__builtin__\nint\nNR.', b'c__builtin__\nint\n]R.',
 b'N}N\x86b.', b']N\x86b.', b'c__builtin__\nobject\n)\x81]b.', b'c__builtin__\nobject\n)\x81N]\x86b.',b'P\xff\n.', b'\x8c\x01a\x8c\x01b\x93.', b'V\xff\n.', b'\x8a\x00.', b'I00\n.', b'I01\n.', b'I0\n.',
 b'I 12\n.', b'I1_0\n.', b'L1_0\n.', b'L12L\n.', b'Fnan\n.', b'F1e500\n.', b'S"a\'\n.', b"S'\\x'\n.", b'U\x03ab', b'\x96\x02\x00\x00\x00\x00\x00\x00\x00ab.', b'\x98.', b'N\x98.', b'C\x02ab\x98.',
 b'\x8d\x02\x00\x00\x00\x00\x00\x00\x00ab.', b'(I1\nI2\ni__builtin__\ncomplex\n.', b'I1\n(t.']
for d in bad:
    try:
        r = pickle.loads(d)
        print(d, 'OK', repr(r)[:60])
    except Exception as e:
        print(d, type(e).__name__, str(e)[:100])
print(pickle.loads(b"S'ab\\x00'\n.", encoding='bytes'), pickle.loads(b"U\x02\xe9a.", encoding='latin1'))
try: pickle.loads(b"U\x02\xe9a.")
except Exception as e: print(type(e).__name__, e)
u = pickle.Unpickler(io.BytesIO(b'N.'))
try: u.persistent_load
except Exception as e: print(type(e).__name__, e)
print(u.find_class('os', 'sep'))
print(type(u.memo).__name__, u.memo.copy())
try: u.__reduce_ex__(2)
except Exception as e: print(type(e).__name__, e)
try: pickle.loads('abc')
except Exception as e: print(type(e).__name__, e)
