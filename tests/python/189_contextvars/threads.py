import contextvars, threading
v = contextvars.ContextVar('v', default='main-default')
v.set('main')
seen = []
def worker(i):
    seen.append((i, v.get()))
    v.set(i)
    seen.append((i, v.get()))
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(seen, v.get())
ctx = contextvars.copy_context()
th = threading.Thread(target=ctx.run, args=(lambda: seen.append(('ctx', v.get())),))
th.start(); th.join()
print(seen[-1])
