import sys
try:
    raise SyntaxError('msg', (b'bytes_filename', 123, 0, 'text'))
except SyntaxError as exc:
    sys.__excepthook__(*sys.exc_info())
