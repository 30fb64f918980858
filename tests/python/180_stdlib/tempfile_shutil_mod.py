import tempfile, shutil, os
with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d))
    src = os.path.join(d, 'src')
    os.makedirs(os.path.join(src, 'inner'))
    with open(os.path.join(src, 'f.txt'), 'w') as f:
        f.write('content')
    with open(os.path.join(src, 'inner', 'g.txt'), 'w') as f:
        f.write('inner content')
    shutil.copy(os.path.join(src, 'f.txt'), os.path.join(d, 'copy.txt'))
    shutil.copy2(os.path.join(src, 'f.txt'), os.path.join(d, 'copy2.txt'))
    shutil.copyfile(os.path.join(src, 'f.txt'), os.path.join(d, 'copyfile.txt'))
    shutil.copytree(src, os.path.join(d, 'tree'))
    shutil.move(os.path.join(d, 'copy.txt'), os.path.join(d, 'moved.txt'))
    print(sorted(os.listdir(d)), sorted(os.listdir(os.path.join(d, 'tree'))))
    with open(os.path.join(d, 'tree', 'inner', 'g.txt')) as f:
        print(f.read())
    shutil.rmtree(os.path.join(d, 'tree'))
    print(sorted(os.listdir(d)), shutil.which('sh') is not None, shutil.which('definitely-not-a-command-xyz'))
    du = shutil.disk_usage(d)
    print(du.total > 0)
    saved = d
print(os.path.exists(saved))
with tempfile.NamedTemporaryFile('w+', suffix='.txt', delete=True) as tf:
    tf.write('named'); tf.flush(); tf.seek(0)
    print(tf.read(), tf.name.endswith('.txt'), os.path.exists(tf.name))
with tempfile.TemporaryFile() as t:
    t.write(b'anon'); t.seek(0); print(t.read())
fd, path = tempfile.mkstemp(prefix='gilpy_', suffix='.dat')
os.write(fd, b'x'); os.close(fd)
print(os.path.basename(path).startswith('gilpy_'), os.path.getsize(path))
os.remove(path)
s = tempfile.SpooledTemporaryFile(max_size=10)
s.write(b'small'); s.seek(0); print(s.read()); s.close()
print(os.path.isdir(tempfile.gettempdir()))
