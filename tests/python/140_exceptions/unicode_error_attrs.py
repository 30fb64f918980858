# UnicodeEncode/Decode/TranslateError: __init__ argument checks, str() from the current attributes
u = UnicodeEncodeError('baz', 'xxxxx', 1, 5, 'foo')
print(str(u)); u.end = 2; print(str(u)); u.end = 5; u.reason = 0x345345345345345345; print(str(u)); u.encoding = 4000; print(str(u)); u.start = 1000; print(str(u))
u = UnicodeDecodeError('baz', b'xxxxx', 1, 5, 'foo')
print(str(u)); u.end = 2; print(str(u))
u = UnicodeTranslateError('xxxx', 1, 5, 'foo')
print(str(u), u.args, u.encoding); u.end = 2; print(str(u))
print(repr(UnicodeTranslateError('\U0001f600x', 0, 1, 'r').__str__()))
for k in (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError):
    print(repr(str(k.__new__(k))))
for args in [('a', 'x', 1, 2, 'r'), (1, 'x', 1, 2, 'r'), ('a', b'x', 1, 2, 'r'), ('a','x','1',2,'r'), ('a','x',1,2)]:
  try: UnicodeEncodeError(*args); print('ok')
  except TypeError as e: print(e)
for args in [('a', b'x', 1, 2, 'r'), ('a', bytearray(b'x'), 1, 2, 'r'), ('a', memoryview(b'x'), 1, 2, 'r'), ('a', 'x', 1, 2, 'r')]:
  try: print(repr(UnicodeDecodeError(*args).object))
  except TypeError as e: print(e)
try: b'\xff'.decode('ascii')
except UnicodeDecodeError as e: print(e, e.args)
try: 'é'.encode('ascii')
except UnicodeEncodeError as e: print(e, e.args)
for a in [('bad.py', 1, 2), ('bad.py', 1, 2, 4, 5, 6, 7), ('bad.py', 1, 2, 'abcdefg', 1), ('f', 1, 2, 't', 1, 3)]:
    try:
        e = SyntaxError('bad', a)
        print('ok', e.end_offset)
    except Exception as e:
        print(type(e).__name__, e)
try:
    SyntaxError('bad', 5)
except Exception as e:
    print(type(e).__name__, e)
