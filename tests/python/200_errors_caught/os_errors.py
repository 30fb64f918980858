import os
for f in [lambda: open('/definitely/not/here.txt'), lambda: os.listdir('/definitely/not/here'), lambda: open('/', 'w'),
          lambda: os.remove('/definitely/not/here'), lambda: os.rmdir('/'), lambda: open('/etc/hostname/sub')]:
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    os.chdir('/nonexistent_dir_xyz')
except FileNotFoundError as e:
    print(e)
