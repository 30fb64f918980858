e = ValueError('msg', 42)
print(e.args, str(e), repr(e), e.__class__.__name__)
print(str(ValueError()), repr(ValueError()), str(ValueError('one')), repr(ValueError('one')), str(ValueError(1, 2)))
print(str(KeyError('k')), repr(KeyError('k')), str(KeyError()), str(KeyError('a', 'b')))
o = OSError(2, 'No such file')
print(o.errno, o.strerror, str(o), type(o).__name__, repr(o))
print(type(OSError(2, 'x')).__name__, isinstance(OSError(2, 'x'), FileNotFoundError), IOError is OSError, EnvironmentError is OSError)
fnf = FileNotFoundError(2, 'gone', 'f.txt')
print(str(fnf), fnf.filename)
se = StopIteration(5)
print(se.value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
ue = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')
print(str(ue), ue.start, ue.end, ue.reason, ue.object)
try:
    1 / 0
except ZeroDivisionError as z:
    print(z.__traceback__ is not None, z.__traceback__.tb_lineno, type(z.__traceback__).__name__)
class Custom(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
c = Custom(404, 'not found')
print(c.code, c.args, str(c), repr(c))
class WithStr(Exception):
    def __str__(self): return 'custom str'
print(str(WithStr('x')), repr(WithStr('x')))
e = Exception('note me')
e.add_note('first note'); e.add_note('second')
print(e.__notes__)
ex = NameError('n', name='foo')
print(ex.name, AttributeError('a', name='x', obj=5).obj)
