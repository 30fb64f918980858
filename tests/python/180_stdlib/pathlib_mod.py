from pathlib import Path, PurePosixPath, PurePath
import tempfile
p = PurePosixPath('/usr/lib/python3.11/json/__init__.py')
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parents[2], p.parts, p.anchor, p.is_absolute(), p.root)
print(p.with_name('x.py'), p.with_suffix('.pyc'), p.with_stem('main'), p.relative_to('/usr'), p.match('*.py'), p.match('json/*.py'))
print(PurePosixPath('a') / 'b' / 'c.txt', PurePosixPath('a/b/../c'), PurePosixPath('/a', '/b'), PurePath('x').joinpath('y', 'z'), str(PurePosixPath('a//b/.')))
print(PurePosixPath('Archive.tar.gz').suffixes, PurePosixPath('a/b') < PurePosixPath('a/c'), PurePosixPath('a') == PurePosixPath('a/'), repr(PurePosixPath('q')))
base = Path(tempfile.mkdtemp())
(base / 'sub' / 'deep').mkdir(parents=True)
(base / 'a.txt').write_text('alpha\nbeta\n', encoding='utf-8')
(base / 'b.bin').write_bytes(b'\x00\x01')
(base / 'sub' / 'c.txt').write_text('gamma')
print((base / 'a.txt').read_text(), (base / 'b.bin').read_bytes(), (base / 'a.txt').stat().st_size, (base / 'a.txt').exists(), (base / 'nope').exists())
print(sorted(x.name for x in base.iterdir()), sorted(str(x.relative_to(base)) for x in base.rglob('*.txt')), sorted(x.name for x in base.glob('*')))
print((base / 'sub').is_dir(), (base / 'a.txt').is_file(), Path('rel').is_absolute(), Path.cwd().name)
with (base / 'a.txt').open() as f:
    print(f.readline().strip())
(base / 'a.txt').rename(base / 'renamed.txt')
(base / 'b.bin').unlink()
print(sorted(x.name for x in base.iterdir()))
try:
    (base / 'missing').read_text()
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
import shutil
shutil.rmtree(base)
print(base.exists())
