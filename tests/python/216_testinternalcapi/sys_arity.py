# The sys functions that take no arguments refuse them with CPython's "sys.NAME() takes no arguments (N given)"
import sys
skip = {'exit', 'settrace', 'setprofile', 'breakpointhook', 'excepthook', 'displayhook', 'unraisablehook', '__excepthook__', '__displayhook__', '__breakpointhook__', '__unraisablehook__', 'setrecursionlimit', 'setswitchinterval', 'set_int_max_str_digits', 'intern', '_getframe', 'getrefcount', 'getsizeof', 'setdlopenflags', 'call_tracing', 'set_asyncgen_hooks', 'set_coroutine_origin_tracking_depth', 'audit', 'addaudithook', '_current_frames', '_current_exceptions', 'activate_stack_trampoline', 'deactivate_stack_trampoline', 'is_stack_trampoline_active'}
for name in sorted(dir(sys)):
    f = getattr(sys, name)
    if not callable(f) or name in skip or isinstance(f, type): continue
    try:
        f(42, 43, 44)
        print(name, 'accepted')
    except TypeError as e:
        print(name, e)
    except Exception as e:
        print(name, type(e).__name__)
