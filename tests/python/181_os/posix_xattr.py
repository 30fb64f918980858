# Extended attributes: getxattr, setxattr, listxattr, removexattr on paths,
# descriptors and symlinks, with CPython's errors.
import os, errno, tempfile

def err(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e.errno if isinstance(e, OSError) else e,
              getattr(e, 'filename', None) == a[0] if isinstance(e, OSError) else '')

base = tempfile.mkdtemp(prefix='gilpy181xa_', dir=os.getcwd() if os.access('.', os.W_OK) else None)
fn = os.path.join(base, 'f')
open(fn, 'wb').close()
try:
    os.setxattr(fn, 'user.probe', b'')
    supported = True
except OSError:
    supported = False
if supported:
    os.removexattr(fn, 'user.probe')
    print(os.listxattr(fn))
    os.setxattr(fn, 'user.a', b'1')
    os.setxattr(fn, b'user.b', bytearray(b'two'), os.XATTR_CREATE)
    print(sorted(os.listxattr(fn)), os.getxattr(fn, 'user.a'), os.getxattr(fn, b'user.b'))
    err(os.setxattr, fn, 'user.a', b'x', os.XATTR_CREATE)
    err(os.setxattr, fn, 'user.zz', b'x', os.XATTR_REPLACE)
    os.setxattr(fn, 'user.big', b'x' * 1000)
    print(len(os.getxattr(fn, 'user.big')))
    os.removexattr(fn, 'user.big')
    err(os.getxattr, fn, 'user.nonexistent')
    err(os.removexattr, fn, 'user.nonexistent')
    with open(fn, 'rb') as f:
        print(os.getxattr(f.fileno(), 'user.a'), sorted(os.listxattr(f.fileno())))
        os.setxattr(f.fileno(), 'user.c', b'3')
        os.removexattr(f.fileno(), 'user.c')
    link = os.path.join(base, 'link')
    os.symlink(fn, link)
    print(os.getxattr(link, 'user.a'), os.listxattr(link, follow_symlinks=False))
    cwd = os.getcwd()
    os.chdir(base)
    try:
        print(sorted(os.listxattr()), sorted(os.listxattr(None)))
    finally:
        os.chdir(cwd)
    os.unlink(link)
print(os.XATTR_CREATE, os.XATTR_REPLACE, os.XATTR_SIZE_MAX)
err(os.getxattr, '/nonexistent-gilpy', 'user.x')
err(os.setxattr, '/nonexistent-gilpy', 'user.x', b'1')
err(os.listxattr, '/nonexistent-gilpy')
err(os.removexattr, '/nonexistent-gilpy', 'user.x')
err(os.getxattr, 1.5, 'user.x')
err(os.getxattr, fn, 1)
err(os.setxattr, fn, 'user.x', 'str')
err(os.getxattr, 3, 'user.x', follow_symlinks=False)
os.unlink(fn)
os.rmdir(base)
