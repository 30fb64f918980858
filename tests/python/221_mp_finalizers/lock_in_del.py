# A __del__ that uses a multiprocessing lock of an object dying in the same
# collection (multiprocessing.Pool.__del__ does): the lock's semaphore must
# still be open then (gilpy closes it only after the collection's __del__s).
import gc
import multiprocessing

used = []


class Holder:
    def __init__(self):
        self.lock = multiprocessing.Lock()
        self.sem = multiprocessing.Semaphore(2)
        self.me = self  # a cycle, as a Pool has

    def __del__(self):
        with self.lock:
            self.sem.acquire()
            used.append(self.sem.get_value())
            self.sem.release()


def make(n):
    for _ in range(n):
        Holder()


for round in range(5):
    make(50)
    gc.collect()
    gc.collect()
print(len(used) > 0, set(used))
ctx = multiprocessing.get_context('fork')
with ctx.Pool(2) as pool:
    print(pool.map(abs, [-1, -2, 3]))
p = ctx.Pool(2)
print(p.apply(pow, (2, 5)))
del p
gc.collect()
print('done')
