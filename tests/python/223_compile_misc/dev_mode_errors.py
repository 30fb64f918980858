# -X dev checks the errors argument of encode/decode even when nothing fails.
import subprocess
import sys

code = r'''
import sys
for t in (bytes, bytearray, str):
    for data in ('', 'short'):
        for enc in ('ascii', 'utf8', 'latin1'):
            try:
                if t is str:
                    data.encode(enc, 'Boom')
                else:
                    t(data, encoding=enc, errors='Boom')
                print(t.__name__, 'no error')
            except LookupError as e:
                print(t.__name__, 'LookupError', e)
    for data in (b'', b'short'):
        try:
            (str(data, 'utf8', 'Boom') if t is str else t(data).decode('utf8', 'Boom'))
            print('decode no error')
        except LookupError as e:
            print('decode LookupError', e)
'''
for flags in (['-X', 'dev'], []):
    p = subprocess.run([sys.executable, *flags, '-c', code], capture_output=True, text=True)
    print(flags, p.returncode)
    print(p.stdout, end='')
