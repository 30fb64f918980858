# A long lock wait in a program that never imported gc (the idle collection
# must not assume the gc module exists).
import threading
lock = threading.Lock()
lock.acquire()
print(lock.acquire(timeout=1.3))
