# Namespace packages: importlib's _NamespacePath and NamespaceLoader; __path__ follows sys.path changes.
import sys, os, tempfile, shutil
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'a', 'nsp'))
os.makedirs(os.path.join(d, 'b', 'nsp'))
with open(os.path.join(d, 'a', 'nsp', 'one.py'), 'w') as f: f.write('X = 1\n')
with open(os.path.join(d, 'b', 'nsp', 'two.py'), 'w') as f: f.write('Y = 2\n')
sys.path.insert(0, os.path.join(d, 'a'))
import nsp
print(type(nsp.__path__).__name__, len(list(nsp.__path__)), nsp.__file__, type(nsp.__loader__).__name__, nsp.__spec__.origin)
import nsp.one
print(nsp.one.X)
sys.path.append(os.path.join(d, 'b'))
print(len(list(nsp.__path__)))
import nsp.two
print(nsp.two.Y)
shutil.rmtree(d)
