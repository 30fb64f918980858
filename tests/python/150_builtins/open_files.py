import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
with open(p, 'w', encoding='utf-8') as f:
    print(f.write('line1\nline2\n'), f.writable(), f.readable(), f.mode, f.closed)
    f.write('ünïcode\n')
print(f.closed)
with open(p) as f:
    print(repr(f.read()))
with open(p, encoding='utf-8') as f:
    print(f.readline(), end=''); print(f.readlines())
with open(p) as f:
    print([line.rstrip() for line in f])
with open(p, 'a') as f:
    f.write('appended\n')
with open(p, 'rb') as f:
    data = f.read()
    print(data, type(data).__name__, f.mode)
with open(p, 'r+b') as f:
    f.seek(2); f.write(b'X'); f.seek(0); print(f.read(6), f.tell())
with open(p, 'wb') as f:
    f.write(bytes(range(5)))
with open(p, 'rb') as f:
    print(list(f.read()), f.read(), f.seek(0, 2))
try:
    open(os.path.join(d, 'missing.txt'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    open(p, 'rw')
except ValueError as e:
    print(e)
with open(p, 'x' if not os.path.exists(p + '2') else 'w', encoding='utf-8') if False else open(p + '2', 'x') as f:
    f.write('exclusive')
try:
    open(p + '2', 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)
with open(p + '2', newline='') as f:
    print(f.read())
for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
print(os.path.exists(d))
