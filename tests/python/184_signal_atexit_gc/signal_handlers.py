# signal: Python handlers run in the main thread after os.kill / raise_signal.
import os, signal, time

seen = []
def handler(signum, frame):
    seen.append(signal.Signals(signum).name)

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGUSR1))
old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(seen)
signal.raise_signal(signal.SIGUSR2) if False else None
signal.signal(signal.SIGUSR2, handler)
signal.raise_signal(signal.SIGUSR2)
print(seen)

# SIGINT handler replaces KeyboardInterrupt
signal.signal(signal.SIGINT, handler)
os.kill(os.getpid(), signal.SIGINT)
print(seen)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
    for i in range(1000):
        pass
    print('not interrupted')
except KeyboardInterrupt:
    print('KeyboardInterrupt')

# a raising handler propagates out of the interrupted code
def boom(signum, frame):
    raise RuntimeError('from handler %d' % signum)
signal.signal(signal.SIGUSR1, boom)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
except RuntimeError as e:
    print('RuntimeError', e.args[0] == 'from handler %d' % signal.SIGUSR1)

# SIG_IGN and SIG_DFL
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is boom)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1), signal.signal(signal.SIGUSR1, signal.SIG_DFL))
print(signal.getsignal(signal.SIGUSR1), signal.SIG_DFL == 0, signal.SIG_IGN == 1)

# sleep is interrupted by the handler and then continues (PEP 475)
signal.signal(signal.SIGALRM, handler)
t0 = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
print(seen[-1], time.monotonic() - t0 >= 0.19, signal.getitimer(signal.ITIMER_REAL))
signal.alarm(0)

for bad in [(0, handler), (signal.NSIG, handler), (signal.SIGUSR1, 5), (signal.SIGUSR1, 'x')]:
    try:
        signal.signal(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print('OSError', e.errno)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGRTMIN + 1))
vs = signal.valid_signals()
print(signal.SIGINT in vs, signal.SIGKILL in vs, 0 in vs, len(vs) > 30, signal.NSIG)
print(signal.SIGINT, signal.SIGTERM, signal.SIGKILL, signal.SIGUSR1, signal.SIGCHLD, int(signal.SIGALRM), signal.Signals.SIGHUP)
print(signal.ItimerError.__mro__[1] is OSError, signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
print(signal.SIGUSR2 in signal.pthread_sigmask(signal.SIG_BLOCK, []))
os.kill(os.getpid(), signal.SIGUSR2)
print(seen[-1], signal.SIGUSR2 in signal.sigpending())
signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
print(seen[-1])
signal.siginterrupt(signal.SIGUSR1, False)
r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w), signal.set_wakeup_fd(-1) == w)
