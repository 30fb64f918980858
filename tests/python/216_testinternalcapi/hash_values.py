# str/bytes/memoryview/datetime hashes equal CPython's for a fixed
# PYTHONHASHSEED (SipHash-1-3 keyed as CPython keys it; str over its PEP 393
# code units), differ between seeds, and sys.hash_info names the algorithm.
import os
import subprocess
import sys

CODE = r'''
import datetime as d
print(hash('abc'), hash(''), hash(b'abc'), hash('\xe9t\xe9'), hash('\u20ac'), hash('\U0001f600x'), hash('a\udc80'))
print(hash(memoryview(b'xyz')), hash('abcdefghijklmnopq' * 3), hash(b'\0' * 17))
print(hash(d.date(2020, 5, 17)), hash(d.datetime(2020, 5, 17, 1, 2, 3, 456789)), hash(d.time(1, 2, 3, 4)))
print(sorted({'spam', 'eggs', 'ham'}) == ['eggs', 'ham', 'spam'])
'''
print(sys.hash_info.algorithm, sys.hash_info.hash_bits, sys.hash_info.seed_bits)
outputs = {}
for seed in ('0', '1', '42', '4294967295'):
    env = dict(os.environ, PYTHONHASHSEED=seed)
    r = subprocess.run([sys.executable, '-c', CODE], capture_output=True, text=True, env=env, timeout=60)
    print(seed, r.stdout, r.stderr, end='')
    outputs[seed] = r.stdout
print(len(set(outputs.values())) == 4)
