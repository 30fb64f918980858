# The protocol 0 text opcodes INT, LONG, FLOAT, GET: what the C unpickler accepts and its errors.
import _pickle
for d in [b'I010\n.', b'I0x10\n.', b'I 12\n.', b'I1_0\n.', b'I99999999999999999999\n.', b'I0b11\n.', b'I-0x10\n.', b'I12 \n.', b'I\n.', b'L010\n.', b'L0x10L\n.', b'L 5\n.', b'L5 \n.', b'I+5\n.', b'g 1\n.', b'F 1.5\n.', b'F1.5 \n.', b'F1_0\n.', b'Finf\n.', b'F-inf\n.', b'Fnan\n.', b'F1e500\n.', b'F\n.', b'F0x10\n.', b'Finfinity\n.']:
    try: print(d, repr(_pickle.loads(d)))
    except Exception as e: print(d, type(e).__name__, e)
import sys
class É: pass
m = type(sys)('modé'); m.É = É; É.__module__ = 'modé'; sys.modules['modé'] = m
for p in (0, 2, 3):
    try: print(_pickle.dumps(É, p))
    except Exception as e: print(type(e).__name__, e)
m.ok = É; É.__module__ = 'mod'; sys.modules['mod'] = m; É.__qualname__ = 'É'
for p in (0, 2, 3):
    try: print(_pickle.dumps(É, p))
    except Exception as e: print(type(e).__name__, e)
