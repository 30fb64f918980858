# Line numbers of returns: an implicit `return None` takes its predecessor's
# location (frames report the line they came from), `return <const>` the
# constant's, a return through `finally`/`with` the unwinding code's; code after
# a return is dropped.
import dis
import sys

TRUE = True
frame = None


def save_caller_frame():
    global frame
    frame = sys._getframe(1)


def if1(x):
    x()
    if TRUE:
        pass


def if2(x):
    x()
    if TRUE:
        pass
    else:
        pass


def if4(x):
    x()
    if not TRUE:
        pass


def loop(x):
    for i in range(2):
        x()


for func in (if1, if2, if4, loop):
    func(save_caller_frame)
    print(func.__name__, frame.f_lineno - frame.f_code.co_firstlineno)


def h(x):
    try:
        return 1
    finally:
        print(1)


def k(x):
    with x:
        return "s"


def a(x):
    for i in x:
        return 1


def b(x):
    if x:
        return (x,
                2)


def no_code():
    "doc string"


def dead():
    return 1
    print("never")


for fn in (h, k, a, b, no_code, dead):
    print(fn.__name__, sorted({i.positions for i in dis.get_instructions(fn) if i.opname == 'RETURN_VALUE'}))
    print('  lines', [line for _, _, line in fn.__code__.co_lines() if line is not None][-1:])
print('dead has print:', any(i.argval == 'print' for i in dis.get_instructions(dead)))
