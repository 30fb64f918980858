"""An event-driven simulation: a discrete-event simulator on a heapq agenda modelling a bank with
tellers, arriving customers with exponential-ish service times from a seeded random.Random, queues
(collections.deque), balking and reneging, and per-teller statistics. Prints the statistics."""
import heapq
import random
import sys
from collections import deque


class Sim:
    def __init__(self):
        self.now = 0.0
        self.agenda = []
        self.seq = 0

    def schedule(self, delay, action, *args):
        self.seq += 1
        heapq.heappush(self.agenda, (self.now + delay, self.seq, action, args))

    def run(self, until):
        agenda = self.agenda
        while agenda:
            t, _, action, args = heapq.heappop(agenda)
            if t > until:
                break
            self.now = t
            action(*args)


class Customer:
    __slots__ = ("id", "arrived", "patience", "served")

    def __init__(self, cid, arrived, patience):
        self.id = cid
        self.arrived = arrived
        self.patience = patience
        self.served = False


class Teller:
    def __init__(self, name, speed):
        self.name = name
        self.speed = speed
        self.busy = False
        self.served = 0
        self.busy_time = 0.0


class Bank:
    def __init__(self, sim, rng, tellers, rate):
        self.sim = sim
        self.rng = rng
        self.tellers = [Teller(f"t{i}", 0.8 + 0.1 * i) for i in range(tellers)]
        self.queue = deque()
        self.rate = rate
        self.next_id = 0
        self.waits = []
        self.balked = 0
        self.reneged = 0

    def arrive(self):
        self.next_id += 1
        c = Customer(self.next_id, self.sim.now, self.rng.uniform(2.0, 12.0))
        if len(self.queue) > 12 and self.rng.random() < 0.5:
            self.balked += 1
        else:
            self.queue.append(c)
            self.sim.schedule(c.patience, self.renege, c)
            self.dispatch()
        self.sim.schedule(self.rng.expovariate(self.rate), self.arrive)

    def renege(self, c):
        if not c.served:
            try:
                self.queue.remove(c)
                self.reneged += 1
            except ValueError:
                pass

    def dispatch(self):
        for t in self.tellers:
            if not t.busy and self.queue:
                c = self.queue.popleft()
                c.served = True
                self.waits.append(self.sim.now - c.arrived)
                t.busy = True
                service = self.rng.expovariate(1.0 / 3.0) / t.speed
                t.busy_time += service
                self.sim.schedule(service, self.finish, t)

    def finish(self, teller):
        teller.busy = False
        teller.served += 1
        self.dispatch()


def main(hours):
    rng = random.Random(20240601)
    sim = Sim()
    bank = Bank(sim, rng, 5, 1.45)
    sim.schedule(0.0, bank.arrive)
    sim.run(hours * 60.0)
    waits = sorted(bank.waits)
    mean = sum(waits) / len(waits)
    print("customers:", bank.next_id, "served:", len(waits), "balked:", bank.balked, "reneged:", bank.reneged)
    print("wait mean %.4f median %.4f p95 %.4f" % (mean, waits[len(waits) // 2], waits[len(waits) * 95 // 100]))
    print("tellers:", [(t.name, t.served, round(t.busy_time, 2)) for t in bank.tellers])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
