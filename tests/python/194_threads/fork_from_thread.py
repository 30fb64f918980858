# fork() from a worker thread: in the child that thread is the main thread, the old main thread
# counts as stopped (joining it returns), and the child ends with status 0 once its last thread
# finishes, as in CPython.
import os, sys, threading, time

main_thread = threading.current_thread()

def joiner():
    main_thread.join()
    print("joined the stopped main thread", flush=True)

def late():
    time.sleep(0.1)
    print("late thread done", flush=True)

def worker():
    pid = os.fork()
    if pid:
        _, status = os.waitpid(pid, 0)
        print("child status", os.waitstatus_to_exitcode(status), flush=True)
        return
    print("child: main is current", threading.main_thread() is threading.current_thread(),
          "old main alive", main_thread.is_alive(), flush=True)
    t = threading.Thread(target=joiner)
    t.start()
    t.join()
    threading.Thread(target=late).start()
    print("forked worker returns", flush=True)

w = threading.Thread(target=worker)
w.start()
w.join()
print("parent done")
