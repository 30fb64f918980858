"""Richards: Martin Richards' operating-system simulation benchmark (a scheduler with an idle task,
a worker, two handlers and two devices exchanging packets). Written from the algorithm's description.
Prints the queued-packet and hold counts, which are fixed for a given idle-task count."""
import sys

I_IDLE, I_WORK, I_HANDLER_A, I_HANDLER_B, I_DEV_A, I_DEV_B = 1, 2, 3, 4, 5, 6
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        """Append self to the end of queue; return the (possibly new) head."""
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 10
        self.task_list = None
        self.hold_count = 0
        self.qpkt_count = 0

    def find(self, ident):
        t = self.tasks[ident]
        if t is None:
            raise LookupError("bad task id %d" % ident)
        return t

    def schedule(self):
        t = self.task_list
        while t is not None:
            if t.holding or (not t.packet_pending and t.waiting):
                t = t.link
            else:
                t = t.run()


class Task:
    def __init__(self, sched, ident, priority, queue, pending, waiting):
        self.sched = sched
        self.link = sched.task_list
        self.ident = ident
        self.priority = priority
        self.input = queue
        self.packet_pending = pending
        self.waiting = waiting
        self.holding = False
        sched.task_list = self
        sched.tasks[ident] = self

    def run(self):
        if self.packet_pending and self.waiting and not self.holding:
            msg = self.input
            self.input = msg.link
            self.waiting = False
            self.packet_pending = self.input is not None
        else:
            msg = None
        return self.fn(msg)

    def add_packet(self, pkt, old):
        if self.input is None:
            self.input = pkt
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            pkt.append_to(self.input)
        return old

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident):
        t = self.sched.find(ident)
        t.holding = False
        return t if t.priority > self.priority else self

    def qpkt(self, pkt):
        t = self.sched.find(pkt.ident)
        self.sched.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)


class IdleTask(Task):
    def __init__(self, sched, count):
        super().__init__(sched, I_IDLE, 1, None, False, False)
        self.control = 1
        self.count = count

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control //= 2
            return self.release(I_DEV_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(I_DEV_B)


class WorkTask(Task):
    def __init__(self, sched, queue):
        super().__init__(sched, I_WORK, 1000, queue, True, True)
        self.destination = I_HANDLER_A
        self.count = 0

    def fn(self, pkt):
        if pkt is None:
            return self.wait()
        self.destination = I_HANDLER_B if self.destination == I_HANDLER_A else I_HANDLER_A
        pkt.ident = self.destination
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = ord("A") + self.count - 1
        return self.qpkt(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, True, True)
        self.work_in = None
        self.device_in = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is None:
            return self.wait()
        count = work.datum
        if count >= BUFSIZE:
            self.work_in = work.link
            return self.qpkt(work)
        dev = self.device_in
        if dev is None:
            return self.wait()
        self.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority, None, False, True)
        self.pending = None

    def fn(self, pkt):
        if pkt is None:
            pkt = self.pending
            if pkt is None:
                return self.wait()
            self.pending = None
            return self.qpkt(pkt)
        self.pending = pkt
        return self.hold()


def run_once(count):
    s = Scheduler()
    IdleTask(s, count)
    q = Packet(Packet(None, 0, K_WORK), 0, K_WORK)
    WorkTask(s, q)
    q = Packet(Packet(Packet(None, I_DEV_A, K_DEV), I_DEV_A, K_DEV), I_DEV_A, K_DEV)
    HandlerTask(s, I_HANDLER_A, 2000, q)
    q = Packet(Packet(Packet(None, I_DEV_B, K_DEV), I_DEV_B, K_DEV), I_DEV_B, K_DEV)
    HandlerTask(s, I_HANDLER_B, 3000, q)
    DeviceTask(s, I_DEV_A, 4000)
    DeviceTask(s, I_DEV_B, 5000)
    s.schedule()
    return s.qpkt_count, s.hold_count


def main(iterations):
    results = {run_once(10000) for _ in range(iterations)}
    for qpkt, hold in sorted(results):
        print("qpkt count %d, hold count %d, correct: %s" % (qpkt, hold, (qpkt, hold) == (23246, 9297)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
