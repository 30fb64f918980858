# multiprocessing's users of mmap: shared_memory.SharedMemory and ShareableList between two
# processes, Barrier (its state lives in a multiprocessing.heap arena), heap.BufferWrapper.
import multiprocessing as mp
import struct
from multiprocessing import heap, shared_memory


def child_shm(name):
    s = shared_memory.SharedMemory(name=name)
    print("child sees", bytes(s.buf[:6]), flush=True)
    s.buf[:5] = b"hello"
    struct.pack_into("<d", s.buf, 8, 2.5)
    s.close()


def child_list(name):
    sl = shared_memory.ShareableList(name=name)
    sl[0] = sl[0] * 2
    sl[1] = "world"
    sl[3] = b"xyz"
    sl.shm.close()


def child_barrier(b, q, k):
    q.put((k, b.wait() in range(3)))


if __name__ == "__main__":
    mp.set_start_method("fork")
    s = shared_memory.SharedMemory(create=True, size=100)
    s.buf[:6] = b"parent"
    p = mp.Process(target=child_shm, args=(s.name,))
    p.start()
    p.join()
    print("exit", p.exitcode, bytes(s.buf[:5]), struct.unpack_from("<d", s.buf, 8)[0], s.size >= 100)
    again = shared_memory.SharedMemory(name=s.name)
    print("second attach", bytes(again.buf[:5]))
    again.close()
    s.close()
    s.unlink()
    print("closed", s.buf)

    sl = shared_memory.ShareableList([21, "hello", 3.5, b"abc", None, True])
    p = mp.Process(target=child_list, args=(sl.shm.name,))
    p.start()
    p.join()
    print("list", list(sl), sl.format, sl.count(3.5), sl.index("world"), len(sl))
    try:
        sl[1] = "x" * 100
    except ValueError as e:
        print("ValueError", e)
    sl.shm.close()
    sl.shm.unlink()

    b = mp.Barrier(3)
    q = mp.Queue()
    ps = [mp.Process(target=child_barrier, args=(b, q, k)) for k in range(2)]
    for p in ps:
        p.start()
    print("parent passes barrier", b.wait() in range(3))
    for p in ps:
        p.join()
    print("children passed", sorted(q.get() for _ in ps))

    bw = heap.BufferWrapper(100)
    mv = bw.create_memoryview()
    mv[:3] = b"abc"
    print("heap buffer", bytes(mv[:3]), len(mv), mv.readonly)
