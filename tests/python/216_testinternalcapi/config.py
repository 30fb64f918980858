# _testinternalcapi: the configuration facts CPython's test suite reads, and
# -X no_debug_ranges / PYTHONNODEBUGRANGES (no columns in co_positions, no carets).
import os
import subprocess
import sys

import _testinternalcapi as t

KEYS = ['isolated', 'use_environment', 'dev_mode', 'code_debug_ranges', 'filesystem_encoding',
        'filesystem_errors', 'argv', 'warnoptions', 'bytes_warning', 'inspect', 'optimization_level',
        'verbose', 'quiet', 'safe_path', 'site_import', 'run_module', 'run_filename']

config = t.get_config()
for key in KEYS:
    print(key, repr(config[key]))
print('run_command', config['run_command'])
print('orig_argv ends', config['orig_argv'][1:])

CHILD = r'''
import sys, _testinternalcapi as t
c = t.get_config()
print(c['code_debug_ranges'], c['xoptions'], c['use_environment'], c['run_command'].strip()[:20], c['optimization_level'], c['warnoptions'], c['dev_mode'])
def f():
    return 1
print(sorted(set(p[2:] for p in f.__code__.co_positions() if p[0] == f.__code__.co_firstlineno + 1)))
x = {}
x['missing']
'''


def child(*options, env=None):
    environ = dict(os.environ)
    environ.pop('PYTHONNODEBUGRANGES', None)
    environ.update(env or {})
    r = subprocess.run([sys.executable, *options, '-c', CHILD], capture_output=True, text=True,
                       env=environ, timeout=60)
    print(' '.join(options) or '(no options)', env or '')
    print(r.stdout, end='')
    print(r.stderr.splitlines()[-3:])


child()
child('-X', 'no_debug_ranges')
child('-O', '-W', 'ignore', '-X', 'dev', env={'PYTHONNODEBUGRANGES': '1'})
child('-E', env={'PYTHONNODEBUGRANGES': '1'})
child(env={'PYTHONNODEBUGRANGES': ''})


def depth_here():
    return t.get_recursion_depth()


def nested(n):
    return depth_here() if n == 0 else nested(n - 1)


base = t.get_recursion_depth()
print('depth module', base, 'call', depth_here() - base, 'nested', nested(5) - base)
d = t.get_recursion_depth()
limit = sys.getrecursionlimit()
try:
    sys.setrecursionlimit(d)
except RecursionError as e:
    print('RecursionError', str(e).replace(str(d), 'D'))
sys.setrecursionlimit(d + 2)  # CPython counts the call to setrecursionlimit itself
sys.setrecursionlimit(limit)

for s, errors in [('abc\xe9', 'strict'), ('a\udc80', 'strict'), ('a\udc80', 'surrogateescape'), ('x', 'surrogatepass'),
                  ('a\0', 'strict')]:
    try:
        print(repr(t.EncodeLocaleEx(s, 0, errors)))
    except Exception as e:
        print(type(e).__name__, e)
for b, errors in [(b'ab\xff', 'strict'), (b'ab\xff', 'surrogateescape'), (b'x', 'backslashreplace'), (b'\0', 'strict')]:
    try:
        print(repr(t.DecodeLocaleEx(b, 0, errors)))
    except Exception as e:
        print(type(e).__name__, e)
for p in ['/a//b/../c/.', '//a/b', '///a/./b/', '/..']:
    print(p, t.normalize_path(p))
