# multiprocessing.Process with the fork start method: exit codes, join with a
# timeout, terminate, is_alive, pid, daemon, name, current_process, cpu_count.
import multiprocessing as mp
import os
import signal
import sys
import time


def ok():
    pass


def fail():
    raise SystemExit(3)


def boom():
    sys.stderr = open(os.devnull, "w")  # keep the child's traceback out of the expected output
    raise ValueError("boom")


def sleeper(ev):
    ev.set()
    time.sleep(30)


def report(q):
    p = mp.current_process()
    q.put((p.name, p.daemon, p.pid == os.getpid(), os.getppid() == PARENT))


def exit_with(code):
    sys.exit(code)


PARENT = os.getpid()

if __name__ == "__main__":
    mp.set_start_method("fork")
    print("main name:", mp.current_process().name)
    print("parent_process in main:", mp.parent_process())
    print("cpu_count is positive int:", isinstance(mp.cpu_count(), int) and mp.cpu_count() >= 1)

    p = mp.Process(target=ok, name="worker-ok")
    print("before start:", p.is_alive(), p.exitcode, p.pid)
    p.start()
    p.join(10)
    print("ok:", p.name, p.exitcode, p.is_alive(), isinstance(p.pid, int))

    for target, args in ((fail, ()), (boom, ()), (exit_with, (0,)), (exit_with, (7,)), (exit_with, ("msg",))):
        p = mp.Process(target=target, args=args)
        p.start()
        p.join(10)
        print(target.__name__, args, "exitcode", p.exitcode)

    ev = mp.Event()
    p = mp.Process(target=sleeper, args=(ev,), daemon=True)
    print("daemon flag:", p.daemon)
    p.start()
    print("child started:", ev.wait(10))
    p.join(0.05)
    print("alive after short join:", p.is_alive(), p.exitcode)
    p.terminate()
    p.join(10)
    print("terminated:", p.is_alive(), p.exitcode == -signal.SIGTERM)

    p = mp.Process(target=sleeper, args=(mp.Event(),))
    p.start()
    p.kill()
    p.join(10)
    print("killed:", p.exitcode == -signal.SIGKILL)
    p.close()
    try:
        p.pid
    except ValueError as e:
        print("after close:", e)

    q = mp.SimpleQueue()
    p = mp.Process(target=report, args=(q,), name="reporter", daemon=True)
    p.start()
    print("child saw:", q.get())
    p.join(10)
    print("active_children empty:", mp.active_children() == [])

    try:
        p.start()
    except AssertionError as e:
        print("restart:", e)
