# Signals that end a wait: default_int_handler installed for any signal raises
# KeyboardInterrupt, signal.pause() returns after the handler ran, the
# handler receives the running frame, and sigwaitinfo/sigtimedwait take a
# blocked signal off the pending set.
import os, signal, time

signal.signal(signal.SIGALRM, signal.default_int_handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(5)
    print("slept through")
except KeyboardInterrupt:
    print("SIGALRM -> KeyboardInterrupt during sleep")

got = []
def handler(signum, frame):
    got.append((signum, type(frame).__name__, frame.f_code.co_name))
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
def waiter():
    signal.pause()
waiter()
print("pause returned after", got[0][0] == signal.SIGALRM, got[0][1], got[0][2] in ("waiter", "<module>"))

signal.signal(signal.SIGALRM, signal.default_int_handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    signal.pause()
except KeyboardInterrupt:
    print("pause -> KeyboardInterrupt")

old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print("timed out:", signal.sigtimedwait([signal.SIGUSR1], 0))
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 5)
print(type(info).__name__, info.si_signo == signal.SIGUSR1, info.si_pid == os.getpid(), len(info))
os.kill(os.getpid(), signal.SIGUSR1)
print("sigwait:", signal.sigwait([signal.SIGUSR1]) == signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
print("sigwaitinfo:", signal.sigwaitinfo([signal.SIGUSR1]).si_signo == signal.SIGUSR1)
signal.pthread_sigmask(signal.SIG_SETMASK, old)
for bad in ([signal.SIGUSR1], -1.0), ([1 << 1000], 0):
    try:
        signal.sigtimedwait(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    signal.pidfd_send_signal(0, signal.SIGINT)
except OSError as e:
    print("pidfd_send_signal:", e.errno == 9)
