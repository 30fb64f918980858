import fnmatch, glob, os, tempfile
names = ['a.py', 'b.txt', 'c.PY', 'data1.csv', 'data22.csv', '.hidden', 'x[1].txt']
print(fnmatch.filter(names, '*.py'), fnmatch.filter(names, 'data?.csv'), fnmatch.filter(names, 'data*.csv'), fnmatch.filter(names, '[ab].*'))
print(fnmatch.fnmatch('c.PY', '*.py'), fnmatch.fnmatchcase('c.PY', '*.py'), fnmatch.fnmatch('x[1].txt', 'x[[]1].txt'), fnmatch.translate('*.py'), fnmatch.fnmatch('abc', '[!a]*'))
base = tempfile.mkdtemp()
for rel in ['a.py', 'b.py', 'c.txt', 'sub/d.py', 'sub/deeper/e.py', '.hidden.py']:
    path = os.path.join(base, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, 'w').close()
rel = lambda paths: sorted(os.path.relpath(p, base) for p in paths)
print(rel(glob.glob(os.path.join(base, '*.py'))), rel(glob.glob(os.path.join(base, '**', '*.py'), recursive=True)))
print(rel(glob.glob(os.path.join(base, '?.*'))), rel(glob.glob(os.path.join(base, 'sub', '*'))), glob.glob(os.path.join(base, 'none*')))
print(sorted(glob.glob('*.py', root_dir=base)), sorted(glob.iglob('**/', root_dir=base, recursive=True)), glob.escape('a[b]*?'))
import shutil
shutil.rmtree(base)
