# BlockingIOError(errno, strerror, n) keeps n as characters_written (args whole);
# OSError.characters_written is an AttributeError until set; an explicit None
# filename leaves args whole.
import sys, io
e = BlockingIOError(11, 'x', 5); print(e.characters_written, e.args, str(e))
e = BlockingIOError(11, 'x'); 
try: print(e.characters_written)
except AttributeError as x: print('AE', x)
e.characters_written = 3; print(e.characters_written)
del e.characters_written
try: del e.characters_written
except AttributeError as x: print('AE2', x)
e = OSError(2, 'x', None); print(e.args, str(e))
e = OSError(2, 'x', None, None, 'f2'); print(e.args, str(e))
try:
    BlockingIOError(11, 'x', 2**70)
except ValueError as x:
    print('ValueError', x)
