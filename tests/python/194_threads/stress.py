# Many threads mutating shared lists, dicts, sets and attributes for a bounded
# time never crash or corrupt a structure: each builtin operation is atomic
# under the GIL. Runs in the default mode here and again in a child process
# under `-X switch=every` (CPython ignores that option).
import subprocess, sys, threading, time

DURATION = 0.6

def stress():
    shared_list, shared_dict, shared_set = [], {}, set()
    class Obj: pass
    obj = Obj()
    errors = []
    stop = time.monotonic() + DURATION
    counts = [0] * 8
    def worker(k):
        i = 0
        try:
            while i == 0 or time.monotonic() < stop:  # at least one round each
                i += 1
                shared_list.append(i)
                if len(shared_list) > 100:
                    del shared_list[:50]
                try:
                    shared_list.pop()
                except IndexError:
                    pass
                shared_dict[(k, i % 50)] = i
                shared_dict.pop((k, (i + 25) % 50), None)
                shared_set.add(i % 97)
                shared_set.discard((i + 13) % 97)
                setattr(obj, f"a{i % 10}", i)
                if i % 7 == 0:
                    try:
                        delattr(obj, f"a{(i + 3) % 10}")
                    except AttributeError:
                        pass
                list(shared_dict.items())
                sorted(shared_set)
                shared_list.sort()
            counts[k] = i
        except Exception as e:
            errors.append(repr(e))
    ts = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
    for t in ts: t.start()
    for t in ts: t.join()
    ok = (not errors and all(c > 0 for c in counts)
          and all(isinstance(x, int) for x in shared_list)
          and len(shared_dict) == len(list(shared_dict)) and len(shared_set) <= 97
          and all(isinstance(k, tuple) for k in shared_dict))
    return ok, errors[:3]

if len(sys.argv) > 1:
    print("child:", stress())
else:
    print("default mode:", stress())
    r = subprocess.run([sys.executable, "-X", "switch=every", __file__, "child"],
                       capture_output=True, text=True, timeout=120)
    print(r.stdout, end="")
    print(r.stderr, end="")
    print("status", r.returncode)
