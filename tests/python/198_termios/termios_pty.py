# termios on a pseudo-terminal: attributes, raw mode, window size, errors, and tty/getpass on top.
import termios, os, sys
cp_names = set(k for k in dir(termios) if k.isupper())
print(len(cp_names), sorted(cp_names)[:5])
m, s = os.openpty()
attrs = termios.tcgetattr(s)
print(len(attrs), [type(x).__name__ for x in attrs], len(attrs[6]), attrs[6][termios.VINTR])
new = list(attrs); new[3] &= ~termios.ECHO
termios.tcsetattr(s, termios.TCSANOW, new)
print("echo off:", not termios.tcgetattr(s)[3] & termios.ECHO)
new[3] &= ~termios.ICANON; new[6] = list(new[6]); new[6][termios.VMIN] = 1; new[6][termios.VTIME] = 0
termios.tcsetattr(s, termios.TCSADRAIN, new)
a2 = termios.tcgetattr(s)
print("raw vmin/vtime ints:", a2[6][termios.VMIN], a2[6][termios.VTIME])
termios.tcsetwinsize(s, (24, 80)); print(termios.tcgetwinsize(s))
termios.tcdrain(s); termios.tcflush(s, termios.TCIOFLUSH); termios.tcflow(s, termios.TCOON)
for bad in [lambda: termios.tcgetattr(os.open("/dev/null", os.O_RDONLY)), lambda: termios.tcgetattr(-1), lambda: termios.tcgetattr("x"), lambda: termios.tcsetattr(s, 0, [1,2]), lambda: termios.tcsetwinsize(s, 5)]:
    try: bad()
    except Exception as e: print(type(e).__module__, type(e).__name__, e.args)
print(termios.error.__mro__[1].__name__, termios.error.__module__)
with open(os.ttyname(s)) as f:
    print(termios.tcgetattr(f)[0] == termios.tcgetattr(s)[0])
import tty, getpass
tty.setraw(s); print("raw lflag icanon:", bool(termios.tcgetattr(s)[3] & termios.ICANON))
