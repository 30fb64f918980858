# sys.settrace / sys.setprofile events, as CPython 3.11 delivers them.
import sys
import threading

log = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    base = frame.f_code.co_firstlineno
    if event == 'exception':
        arg = arg[0].__name__
    elif event in ('return', 'call', 'line'):
        arg = arg if isinstance(arg, (int, str, type(None))) else type(arg).__name__
    log.append((frame.f_code.co_name, frame.f_lineno - base, event, arg))
    return tracer

def run(fn, *args):
    log.clear()
    sys.settrace(tracer)
    try:
        fn(*args)
    except Exception as e:
        log.append(('raised', type(e).__name__))
    finally:
        sys.settrace(None)
    print(fn.__name__)
    for entry in log:
        print('   ', entry)

def loops(n):
    total = 0
    for i in range(n):
        total += i
    while n > 0:
        n -= 1
    return total

def one_liner(): return 1

def nested_ifs():
    a = b = 1
    if a == 1:
        if b == 1:
            x = 4
        else:
            y = 6
    else:
        z = 8

def caught():
    try:
        1 / 0
    except ZeroDivisionError:
        pass
    return 'ok'

def uncaught():
    x = 1
    raise KeyError(x)

def calls_uncaught():
    try:
        uncaught()
    except KeyError:
        return 'caught'

def gen(n):
    for i in range(n):
        yield i

def uses_gen():
    return list(gen(2))

def with_block():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            return False
    with CM():
        x = 1
    return x

class Klass:
    a = 1
    def method(self):
        return self.a

def make_class():
    return Klass().method()

def comprehension():
    return [x * 2 for x in range(2)]

for fn in (loops, one_liner, nested_ifs, caught, uncaught, calls_uncaught,
           uses_gen, with_block, make_class, comprehension):
    run(fn, 2) if fn is loops else run(fn)

# A local trace function's None result keeps f_trace; 'call' returning None
# turns local events off for that frame.
def only_calls(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        log.append((frame.f_code.co_name, event))
    return None

log.clear()
sys.settrace(only_calls)
loops(1)
sys.settrace(None)
print('only calls:', log)

# gettrace / settrace(None)
sys.settrace(tracer)
print('gettrace is tracer:', sys.gettrace() is tracer)
sys.settrace(None)
print('gettrace after None:', sys.gettrace())

# A raising trace function turns tracing off and its exception propagates.
def bad(frame, event, arg):
    if event == 'line':
        raise RuntimeError('from tracer')
    return bad

sys.settrace(bad)
try:
    loops(1)
except RuntimeError as e:
    print('tracer raised:', e, '| trace now:', sys.gettrace())
sys.settrace(None)

# Writes to f_locals from a trace function reach the frame's variables.
def setter(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'reads_x' and frame.f_lineno - frame.f_code.co_firstlineno == 2:
        frame.f_locals['x'] = 42
    return setter

def reads_x():
    x = 1
    return x

sys.settrace(setter)
result = reads_x()
sys.settrace(None)
print('locals write-back:', result)

# f_trace_lines = False: no line events; f_trace_opcodes = True: opcode events.
def no_lines(frame, event, arg):
    if frame.f_code.co_name == 'loops':
        frame.f_trace_lines = False
        log.append(event)
    return no_lines

log.clear()
sys.settrace(no_lines)
loops(1)
sys.settrace(None)
print('without lines:', sorted(set(log)))

def opcodes(frame, event, arg):
    if frame.f_code.co_name == 'one_liner':
        frame.f_trace_opcodes = True
        log.append(event)
    return opcodes

log.clear()
sys.settrace(opcodes)
one_liner()
sys.settrace(None)
print('opcode events seen:', 'opcode' in log, log[0], log[-1])

# Setting f_trace on the caller and then settrace (what pdb.set_trace does):
# the caller gets line events from the next line on.
def start_tracing():
    caller = sys._getframe(1)
    caller.f_trace = tracer
    sys.settrace(tracer)

def traced_from_inside():
    start_tracing()
    a = 1
    b = a + 1
    sys.settrace(None)
    return b

log.clear()
traced_from_inside()
print('from inside:', [e for e in log if e[0] == 'traced_from_inside'])

# threading.settrace installs the tracer in new threads.
seen = []
def thread_tracer(frame, event, arg):
    if event == 'call' and frame.f_code.co_name == 'in_thread':
        seen.append(threading.current_thread().name)
    return None

def in_thread():
    return 1

threading.settrace(thread_tracer)
t = threading.Thread(target=in_thread, name='worker')
t.start()
t.join()
threading.settrace(None)
print('thread traced:', seen)

# setprofile: call/return and the c_call family for builtins.
plog = []
def profiler(frame, event, arg):
    if event.startswith('c_'):
        plog.append((event, arg.__name__))
    elif frame.f_code.co_filename == __file__:
        plog.append((event, frame.f_code.co_name))

def profiled():
    len([1, 2])
    [].append(1)
    try:
        int('x')
    except ValueError:
        pass

sys.setprofile(profiler)
profiled()
sys.setprofile(None)
print('profile:', plog)
print('getprofile:', sys.getprofile())
