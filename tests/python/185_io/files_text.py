# Text files: modes, newline handling, readline/readlines/iteration, seek/tell, errors.
import os
name = '_tmp_files_text.txt'
try:
    with open(name, 'w', encoding='utf-8') as f:
        print(f.write('héllo\nworld\r\nmac\rend'), f.writable(), f.readable(), f.seekable(), f.mode, f.closed)
        print(f.name, f.encoding, f.errors, f.line_buffering, f.buffer.name, f.buffer.raw.mode)
    print(f.closed)
    with open(name, encoding='utf-8') as f:
        print(repr(f.read()), f.newlines)
    with open(name, encoding='utf-8', newline='') as f:
        print(f.readlines())
    with open(name, encoding='utf-8', newline='\r') as f:
        print(f.readlines())
    with open(name, encoding='utf-8') as f:
        print([line for line in f])
    with open(name, encoding='utf-8') as f:
        print(repr(f.readline()), f.tell(), repr(f.read(3)), f.tell(), repr(f.readline(2)), repr(f.readline(-1)))
        pos = f.tell()
        print(repr(f.read()), f.tell())
        f.seek(pos)
        print(repr(f.read(2)), f.seek(0), repr(f.read(1)), f.seek(0, 2))
    with open(name, 'a', encoding='utf-8') as f:
        print(f.tell(), f.write('\nappended'))
    with open(name, 'rb') as f:
        print(f.read())
    with open(name, 'w', newline='\r\n') as f:
        f.write('a\nb\n')
    with open(name, 'rb') as f:
        print(f.read())
    with open(name, 'w', encoding='latin-1') as f:
        f.write('caf\xe9 \xff\n')
    with open(name, 'rb') as f:
        print(f.read())
    with open(name, encoding='latin-1') as f:
        print(repr(f.read()), f.tell())
    with open(name, encoding='ascii', errors='replace') as f:
        print(repr(f.read()))
    with open(name, encoding='ascii') as f:
        try:
            f.read()
        except UnicodeDecodeError as e:
            print('UnicodeDecodeError', e)
    with open(name, 'w', encoding='ascii') as f:
        try:
            f.write('é')
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError', e)
    with open(name, 'w', encoding='ascii', errors='xmlcharrefreplace') as f:
        f.write('é€')
    print(open(name, 'rb').read())
    with open(name, 'w') as f:
        f.writelines(['x\n', 'y\n'])
        print(f.tell())
    with open(name, 'r+') as f:
        print(repr(f.read()))
        f.write('z\n')
        f.seek(0)
        print(repr(f.read()))
    with open(name) as f:
        for i, line in enumerate(f):
            try:
                f.tell()
            except OSError as e:
                print(i, 'OSError', e)
        print(f.tell())
finally:
    os.remove(name)
