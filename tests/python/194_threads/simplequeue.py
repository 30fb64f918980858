import queue, _queue, threading, time, pickle, weakref
q = queue.SimpleQueue()
print(type(q), queue.Empty is _queue.Empty, _queue.Empty.__module__)
q.put(1); q.put_nowait(2); q.put(3, block=False, timeout=5)
print(q.qsize(), q.empty(), q.get(), q.get_nowait(), q.get(timeout=1))
try: q.get_nowait()
except queue.Empty: print("Empty")
try: q.get(timeout=0.05)
except queue.Empty: print("Empty after timeout")
try: q.get(timeout=-1)
except ValueError as e: print(e)
try: _queue.SimpleQueue(1)
except TypeError as e: print(e)
res = []
def worker():
    while (x := q.get()) is not None: res.append(x)
ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts: t.start()
for i in range(10000): q.put(i)
for t in ts: q.put(None)
for t in ts: t.join()
print(len(res), sum(res))
print(queue.SimpleQueue[int], weakref.ref(q)() is q)
class S(queue.SimpleQueue): pass
s = S(); s.put(5); print(s.get())
try: pickle.dumps(q)
except TypeError as e: print(e)
