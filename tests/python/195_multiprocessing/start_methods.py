# The spawn and forkserver start methods: the child is a new interpreter that
# re-imports this file as __mp_main__ and receives pickled arguments; locks
# and queues travel as named semaphores re-opened in the child.
import concurrent.futures as cf
import multiprocessing as mp
import os


def sq(x):
    return x * x


def work(lock, q, i):
    with lock:
        q.put((i, __name__, mp.current_process().name.startswith(("SpawnProcess", "ForkServerProcess"))))


def pid_of(_):
    return os.getpid()


def ping(conn):
    conn.send(("pong", conn.recv()))
    conn.close()


if __name__ == "__main__":
    for method in ("spawn", "forkserver"):
        ctx = mp.get_context(method)
        print("==", method, ctx.get_start_method())
        q = ctx.Queue()
        lock = ctx.Lock()
        ps = [ctx.Process(target=work, args=(lock, q, i)) for i in range(2)]
        for p in ps:
            p.start()
        print("children:", sorted(q.get(timeout=30) for _ in ps))
        for p in ps:
            p.join(30)
        print("exit codes:", [p.exitcode for p in ps])
        a, b = ctx.Pipe()
        p = ctx.Process(target=ping, args=(b,))
        p.start()
        a.send(method)
        print("pipe:", a.recv())
        p.join(30)
        with ctx.Pool(2) as pool:
            print("pool:", pool.map(sq, range(6)))
        with cf.ProcessPoolExecutor(max_workers=1, mp_context=ctx, max_tasks_per_child=2) as ex:
            pids = [ex.submit(pid_of, i).result(timeout=30) for i in range(4)]
            print("executor, max_tasks_per_child=2:", len(set(pids)), "workers for 4 tasks")
