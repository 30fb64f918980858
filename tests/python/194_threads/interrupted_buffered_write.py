import os, signal, threading, io
def alarm_interrupt(sig, frame): 1/0
signal.signal(signal.SIGALRM, alarm_interrupt)
r, w = os.pipe()
wio = io.open(w, 'wb', closefd=False)
signal.alarm(1)
try:
    wio.write(b'x' * (1 << 20))
    print("no error")
except ZeroDivisionError:
    print("ZeroDivisionError")
