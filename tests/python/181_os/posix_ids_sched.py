# Ids, groups, priorities and the scheduler: argument conversion and results
# that do not depend on who runs the test.
import os, sys, errno

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

for f in (os.setuid, os.seteuid, os.setgid, os.setegid):
    err(f, 'not an int')
    err(f, 1 << 32)
    err(f, -2)
    err(f, 2**64)
err(os.setreuid, 'x', 0)
err(os.setreuid, 0, 1 << 32)
err(os.setregid, 1 << 32, 0)
err(os.setresuid, 0, 0, 'x')
err(os.setresgid, 0, 0, 1 << 32)
os.setreuid(-1, -1)
os.setregid(-1, -1)
os.setresuid(-1, -1, -1)
os.setresgid(-1, -1, -1)
r = os.getresuid()
print(len(r), r[0] == os.getuid(), r[1] == os.geteuid())
g = os.getresgid()
print(len(g), g[0] == os.getgid(), g[1] == os.getegid())
err(os.setgroups, 5)
err(os.setgroups, [1.5])
print(os.getgid() in os.getgrouplist('root', os.getgid()) or True, type(os.getgrouplist('root', 0)).__name__)
err(os.getgrouplist, b'root', 0)
print(os.ctermid())

# priorities
p = os.getpriority(os.PRIO_PROCESS, 0)
os.setpriority(os.PRIO_PROCESS, 0, p)
print(p == os.getpriority(os.PRIO_PROCESS, 0))
err(os.getpriority, 99, 0)

# scheduler
print(os.sched_getscheduler(0) in (os.SCHED_OTHER, os.SCHED_BATCH, os.SCHED_IDLE))
print(os.sched_get_priority_min(os.SCHED_RR) <= os.sched_get_priority_max(policy=os.SCHED_RR))
err(os.sched_get_priority_min, -23)
param = os.sched_getparam(0)
print(param, param.sched_priority, type(param).__name__, type(param).__module__)
print(os.sched_param(3), os.sched_param(sched_priority=4), os.sched_param(3) == (3,))
err(os.sched_param)
err(os.sched_setparam, 0, 43)
err(os.sched_setscheduler, 0, os.sched_getscheduler(0), None)
err(os.sched_setparam, 0, os.sched_param(None))
err(os.sched_setparam, 0, os.sched_param(214748364700))
err(os.sched_setparam, 0, os.sched_param(2**70))
err(os.sched_getparam, -1)
os.sched_setparam(0, param)
os.sched_setscheduler(0, os.sched_getscheduler(0), param)
print(isinstance(os.sched_rr_get_interval(0), float))
mask = os.sched_getaffinity(0)
os.sched_setaffinity(0, mask)
print(os.sched_getaffinity(0) == mask)
err(os.sched_setaffinity, 0, [])
err(os.sched_setaffinity, 0, [-10])
err(os.sched_setaffinity, 0, [1 << 128])
err(os.sched_setaffinity, 0, ['a'])
print(os.SCHED_RESET_ON_FORK)

# waitid / wait3 / wait4
err(os.waitid, os.P_ALL, 0, os.WEXITED | os.WNOHANG)
pid = os.fork()
if pid == 0:
    os._exit(7)
res = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(res).__name__, res.si_pid == pid, res.si_status, res.si_code == os.CLD_EXITED, res.si_signo)
pid = os.fork()
if pid == 0:
    os._exit(3)
p2, status, usage = os.wait4(pid, 0)
print(p2 == pid, os.waitstatus_to_exitcode(status), type(usage).__name__, type(usage.ru_utime).__name__)
pid = os.fork()
if pid == 0:
    os._exit(4)
p3, status, usage = os.wait3(0)
print(p3 == pid, os.waitstatus_to_exitcode(status), usage.ru_maxrss >= 0)
print(os.waitid_result((1, 2, 3, 4, 5)))
