# open() encodes a str path as os.fsencode does (UTF-8 with surrogateescape), so a name listed with
# undecodable bytes opens the file it names; unencodable surrogates are a UnicodeEncodeError.
import os, tempfile
d = tempfile.mkdtemp()
raw = os.path.join(os.fsencode(d), b'caf\xe9.txt')
with open(raw, 'wb') as f: f.write(b'bytes path')
name = [n for n in os.listdir(d)][0]
print(repr(name))
with open(os.path.join(d, name)) as f: print(f.read())
with open(os.path.join(d, name), 'a') as f: f.write(' + str path')
with open(raw, 'rb') as f: print(f.read())
try: open(os.path.join(d, 'a\ud800b'))
except UnicodeEncodeError as e: print(type(e).__name__, e.reason)
os.remove(raw); os.rmdir(d)
