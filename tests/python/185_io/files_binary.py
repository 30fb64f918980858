# Binary files, buffering layers, raw FileIO, exceptions and their messages.
import os, io
name = '_tmp_files_binary.bin'
try:
    with open(name, 'wb') as f:
        print(type(f).__name__, f.write(b'0123456789'), f.tell(), f.raw, f.mode, f.name == name)
        f.write(bytearray(b'abc'))
        f.write(b'XYZ')
    with open(name, 'rb') as f:
        print(type(f).__name__, f.read(4), f.peek(1)[:1], f.read1(3), f.tell())
        print(f.seek(-3, 2), f.read(), f.read(), f.seek(2), f.readline())
        b = bytearray(5)
        f.seek(0)
        print(f.readinto(b), b)
    with open(name, 'r+b') as f:
        print(type(f).__name__)
        f.seek(3)
        f.write(b'---')
        print(f.tell(), f.read(2))
        f.seek(0)
        print(f.read())
        print(f.truncate(5), f.seek(0, 2))
    with open(name, 'rb', buffering=0) as f:
        print(type(f).__name__, f, f.read(2), f.readall(), f.read(3))
        print(f.closefd, f.mode, f.isatty(), f.seekable(), f.readable(), f.writable())
    print(repr(f))
    raw = io.FileIO(name, 'w')
    print(raw.write(b'line1\nline2\nline3'), raw.tell())
    raw.close()
    with open(name, 'rb') as f:
        print(f.readlines(), list(open(name, 'rb')))
    with io.FileIO(name) as f:
        print(f.readline(), list(f))
    fd = os.open(name, os.O_RDONLY)
    f = open(fd, 'rb', closefd=False)
    print(f.read(5), f.name == fd)
    f.close()
    print(os.read(fd, 3))
    os.close(fd)
    def t(fn):
        try:
            r = fn()
            print('ok', r)
        except Exception as e:
            print(type(e).__name__, e)
    t(lambda: open('_no_such_dir/x'))
    t(lambda: open('.'))
    t(lambda: open(name, 'rw'))
    t(lambda: open(name, 'q'))
    t(lambda: open(name, 'rbt'))
    t(lambda: open(name, 'rb', encoding='utf-8'))
    t(lambda: open(name, 'rb', errors='strict'))
    t(lambda: open(name, 'rb', newline=''))
    t(lambda: open(name, 'r', buffering=0))
    t(lambda: open(name, 'r', newline='x'))
    t(lambda: open(3.5))
    t(lambda: open(name, closefd=False))
    t(lambda: open(name).write('x'))
    t(lambda: open(name, 'rb').write(b'x'))
    t(lambda: open(name, 'wb').read())
    t(lambda: open(name, 'w').write(b'x'))
    t(lambda: open(name, 'wb').write('x'))
    t(lambda: io.FileIO(name, 'r').write(b'x'))
    t(lambda: io.FileIO(name, 'w').read())
    f = open(name, 'rb'); f.close()
    t(lambda: f.read()); t(lambda: f.tell()); t(lambda: f.fileno())
    f = open(name); f.close()
    t(lambda: f.read()); t(lambda: f.readline()); t(lambda: f.write('x'))
    t(lambda: next(iter(f)))
    f = open(name, 'w')
    t(lambda: f.seek(1, 1)); t(lambda: f.seek(1, 2)); t(lambda: f.seek(-1)); t(lambda: f.seek(0, 3))
    f.close()
    x = open(name, 'x') if False else None
    t(lambda: open(name, 'x'))
    print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
    print(isinstance(open(name, 'rb'), io.BufferedIOBase), isinstance(open(name), io.TextIOBase),
          isinstance(open(name, 'rb', buffering=0), io.RawIOBase), isinstance(io.StringIO(), io.IOBase))
finally:
    os.remove(name)
    print(os.path.exists(name))
