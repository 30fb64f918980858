# Threads computing big powers at once: GMP's scratch blocks (chained through
# their first word) must survive the collections that run meanwhile.
import threading
results = [None] * 3
def work(k):
    x = 10**20 ** 0b101
    results[k] = x % 1000003
ts = [threading.Thread(target=work, args=(k,)) for k in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(results)
