# posix_spawn / posix_spawnp: running programs, file actions, attributes, and
# CPython's argument errors.
import os, sys, signal, tempfile

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', type(r).__name__)
        os.waitpid(r, 0)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'filename', None))

def run(*a, **k):
    pid = os.posix_spawn(*a, **k)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)

env = dict(os.environ)
print(run('/bin/sh', ['sh', '-c', 'exit 3'], env))
print(os.waitstatus_to_exitcode(os.waitpid(os.posix_spawnp('sh', ('sh', '-c', 'exit 5'), env), 0)[1]))

base = tempfile.mkdtemp(prefix='gilpy181sp_')
out = os.path.join(base, 'out')
print(run('/bin/sh', ['sh', '-c', 'echo "$GILPY_X"; echo err >&2'], {'GILPY_X': 'from env'},
          file_actions=[(os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
                        (os.POSIX_SPAWN_DUP2, 1, 2)]))
with open(out) as f:
    print(f.read().split())
print(run('/bin/sh', ['sh', '-c', 'cat <&0 >/dev/null'], env, file_actions=[(os.POSIX_SPAWN_CLOSE, 0)]) != 0)
print(run('/bin/sh', ['sh', '-c', 'exit 0'], env, setpgroup=0, resetids=True, setsid=False))
print(run('/bin/sh', ['sh', '-c', 'kill -USR1 $$'], env, setsigdef=[signal.SIGUSR1]) == -signal.SIGUSR1)
print(run('/bin/sh', ['sh', '-c', 'exit 0'], env, setsigmask=[signal.SIGUSR1], scheduler=(None, os.sched_param(0))))
print(run('/bin/sh', ['sh', '-c', 'exit 0'], env, scheduler=(os.sched_getscheduler(0), os.sched_param(0))))
os.unlink(out)
os.rmdir(base)
print(os.POSIX_SPAWN_OPEN, os.POSIX_SPAWN_CLOSE, os.POSIX_SPAWN_DUP2)

a = ('/bin/true',)
err(os.posix_spawn, '/bin/true', a, env, file_actions=[None])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[()])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[(None,)])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[(12345,)])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[(os.POSIX_SPAWN_CLOSE,)])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[(os.POSIX_SPAWN_CLOSE, 1, 2)])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[(os.POSIX_SPAWN_CLOSE, None)])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[(os.POSIX_SPAWN_OPEN, 3, 'x\0', 0, 0)])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[(os.POSIX_SPAWN_OPEN, 3, 'x', 0)])
err(os.posix_spawn, '/bin/true', a, env, file_actions=[(os.POSIX_SPAWN_DUP2, 3)])
err(os.posix_spawn, '/bin/true', a, env, file_actions=5)
err(os.posix_spawn, '/bin/true', a, env, file_actions=None)
err(os.posix_spawn, '/bin/true', a, env, resetids=None)
err(os.posix_spawn, '/bin/true', a, env, setpgroup='023')
err(os.posix_spawn, '/bin/true', a, env, setsigmask=34)
err(os.posix_spawn, '/bin/true', a, env, setsigmask=['j'])
err(os.posix_spawn, '/bin/true', a, env, setsigmask=[signal.NSIG])
err(os.posix_spawn, '/bin/true', a, env, setsigdef=[0])
err(os.posix_spawn, '/bin/true', a, env, scheduler=(1,))
err(os.posix_spawn, '/bin/true', a, env, scheduler=(None, 5))
err(os.posix_spawn, '/bin/true', [], env)
err(os.posix_spawn, '/bin/true', [''], env)
err(os.posix_spawn, '/bin/true', 'abc', env)
err(os.posix_spawn, '/bin/true', a, 5)
err(os.posix_spawn, '/bin/true', a, {'A=': 'b'})
err(os.posix_spawn, '/nonexistent-gilpy', a, {})
err(os.posix_spawn, b'/nonexistent-gilpy', a, {})
err(os.posix_spawnp, 'nonexistent-gilpy-prog', ['x'], {})
err(os.posix_spawn, 5, a, {})
