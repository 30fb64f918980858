"""Statistics and a verdict from gilpy's GIL recording (the `gil` module, `-X gilstats`).

The runtime records, per thread, when it started waiting for the GIL ("want"), took it ("acquire"),
gave it up ("release", with the reason and what the thread blocked in), asked a holder to drop it
("request"), and when the thread started and ended. A thread's time then splits into running
(holding the GIL), waiting for the GIL, and blocked in a call; see runtime/gil_events.h.
"""

import os
import sys

import _gil

EV_START, EV_END, EV_WANT, EV_ACQUIRE, EV_RELEASE, EV_REQUEST = range(6)
REASONS = _gil.RELEASE_REASONS
KINDS = _gil.BLOCK_KINDS
FORCED = REASONS.index("forced")
# Blocking calls that wait for the outside world; lock, join and queue waits
# are threads waiting for each other.
IO_KINDS = {"sleep", "file", "socket", "select", "process", "input", "other"}
THREAD_END = REASONS.index("thread end")


class ThreadStats:
    """One thread's share of the recorded window."""

    def __init__(self, log):
        self.name = log["name"] or f"thread-{log['serial']}"
        self.ident = log["ident"]
        self.native_id = log["native_id"]
        self.serial = log["serial"]
        self.main = log["main"]
        self.first = None           # first observed moment (ns)
        self.last = None            # end of the thread, or of the window
        self.running = 0            # ns holding the GIL
        self.waiting = 0            # ns waiting for it
        self.blocked = {}           # kind -> ns blocked in a call of that kind
        self.acquisitions = 0
        self.voluntary = 0          # releases around blocking calls and at thread end
        self.forced = 0             # drops made because a waiter asked
        self.requests = 0           # drop requests this thread made while waiting
        self.waits = []             # ns from want to acquire, one per acquisition after a wait
        self.spans = []             # (state, kind, t0, t1): state is running / waiting / blocked

    @property
    def wall(self):
        return (self.last - self.first) if self.first is not None else 0

    def share(self, ns):
        return ns / self.wall if self.wall else 0.0

    @property
    def blocked_total(self):
        return sum(self.blocked.values())

    @property
    def io_total(self):
        return sum(v for k, v in self.blocked.items() if k in IO_KINDS)


def _clip(t0, t1, lo, hi):
    return max(t0, lo), min(t1, hi)


def analyze(logs=None, start=None, end=None):
    """Statistics for the window [start, end] (ns, CLOCK_MONOTONIC) of the recorded events."""
    if logs is None:
        logs = _gil.events()
    if end is None:
        end = _gil.now()
    all_times = [e[0] for log in logs for e in log["events"]]
    if start is None:
        start = min(all_times) if all_times else end
    threads = []
    dropped = 0
    for log in logs:
        dropped += log["dropped"]
        st = ThreadStats(log)
        state, kind, since = None, None, None   # None: not observed yet
        want_at = None

        def close(t):
            if state is None or since is None:
                return
            a, b = _clip(since, t, start, end)
            if b <= a:
                return
            if state == "running":
                st.running += b - a
            elif state == "waiting":
                st.waiting += b - a
            elif state == "blocked":
                st.blocked[kind] = st.blocked.get(kind, 0) + (b - a)
            st.spans.append((state, kind, a, b))

        ended = False
        for t, typ, arg in log["events"]:
            if t > end:
                break
            if typ == EV_REQUEST:
                if t >= start:
                    st.requests += 1
                continue
            close(t)
            in_window = t >= start
            if typ == EV_START:
                state, kind = None, None
            elif typ == EV_WANT:
                state, kind, want_at = "waiting", None, t
            elif typ == EV_ACQUIRE:
                if in_window:
                    st.acquisitions += 1
                    if want_at is not None:
                        st.waits.append(t - want_at)
                state, kind, want_at = "running", None, None
            elif typ == EV_RELEASE:
                reason, what = arg >> 4, arg & 15
                if in_window:
                    if reason == FORCED:
                        st.forced += 1
                    else:
                        st.voluntary += 1
                if reason == THREAD_END:
                    state, kind = None, None
                elif reason == FORCED:
                    state, kind = "waiting", None
                else:
                    state, kind = "blocked", KINDS[what]
            elif typ == EV_END:
                state, kind = None, None
                st.last = min(t, end)
                ended = True
            since = t
            if st.first is None and typ != EV_END and t <= end:
                st.first = max(t, start)
        if not ended:
            close(end)
            st.last = end
        if st.first is not None and st.last is not None and st.last > st.first:
            threads.append(st)
    a = _overall(threads, start, end, dropped)
    a["logs"] = logs
    return a


def _overall(threads, start, end, dropped):
    wall = max(end - start, 1)
    busy = sum(t.running for t in threads)
    # Time with at least one thread waiting, and the number waiting over time.
    edges = []
    for t in threads:
        for state, _, a, b in t.spans:
            if state == "waiting":
                edges.append((a, 1))
                edges.append((b, -1))
    edges.sort()
    contended, level, prev, counter = 0, 0, start, []
    for t, d in edges:
        if level > 0:
            contended += t - prev
        level += d
        prev = t
        counter.append((t, level))
    holders = sorted((a, t.serial) for t in threads for state, _, a, b in t.spans if state == "running")
    switches = sum(1 for (a, s), (b, s2) in zip(holders, holders[1:]) if s != s2)
    forced = sum(t.forced for t in threads)
    return {
        "start": start, "end": end, "wall": wall, "threads": threads, "gil_busy": busy / wall,
        "contention": contended / wall, "switches": switches, "forced": forced,
        "waiters_counter": counter, "dropped": dropped,
        "switch_interval": sys.getswitchinterval(), "cpu_count": os.cpu_count() or 1,
    }


def _pct(q, xs):
    if not xs:
        return 0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * (len(xs) - 1) + 0.5))]


def latency(xs):
    """(median, p99, max) in ns of a list of waits."""
    return (_pct(0.5, xs), _pct(0.99, xs), max(xs) if xs else 0)


def verdict(a):
    """(kind, text): a plain-words reading of the statistics, with the numbers behind it."""
    threads = a["threads"]
    ran = [t for t in threads if t.running > 0]
    interval = a["switch_interval"]
    cores = a["cpu_count"]
    if len(ran) <= 1:
        t = ran[0] if ran else None
        blocked = f", blocked in calls {t.share(t.blocked_total):.0%}" if t and t.blocked else ""
        running = f"running Python {t.share(t.running):.0%}" if t else "no Python ran"
        return "single-threaded", (f"Single-threaded: one thread ran Python ({running}{blocked}); "
                                   f"threads are not involved, and the GIL cost nothing.")
    cpu = [t for t in ran if t.share(t.running) >= 0.2 and t.share(t.running + t.waiting) >= 0.6]
    # I/O threads: they block in calls and run little Python; while they are
    # not blocked they are either running briefly or (in a convoy) waiting.
    io = [t for t in ran if t.io_total > 0 and t.share(t.running) < 0.2
          and t.share(t.io_total + t.waiting) >= 0.5 and t not in cpu]
    io_waits = [w for t in io for w in t.waits]
    io_med, io_p99, io_max = latency(io_waits)
    if io and cpu and io_med >= 0.25 * interval * 1e9:
        names = ", ".join(t.name for t in cpu[:3])
        return "convoy", (
            f"I/O threads delayed behind CPU-bound threads (the convoy effect): {len(io)} thread(s) ran almost "
            f"no Python and blocked in calls, but each time a call returned they waited a median "
            f"{io_med / 1e6:.2f} ms (p99 {io_p99 / 1e6:.2f} ms, max {io_max / 1e6:.2f} ms) for the GIL, held by "
            f"{names} (running {max(t.share(t.running) for t in cpu):.0%} of its time). The I/O is served "
            f"about one switch interval ({interval * 1e3:g} ms) late. Move the CPU-bound work to a process "
            f"(multiprocessing, ProcessPoolExecutor), or shorten sys.setswitchinterval().")
    if len(cpu) >= 2 and a["contention"] >= 0.3:
        k = min(len(cpu), cores)
        return "cpu-bound", (
            f"CPU-bound threads contending for the GIL: {len(cpu)} threads wanted to run Python at the same "
            f"time; the GIL was busy {a['gil_busy']:.0%} of the time and someone waited for it "
            f"{a['contention']:.0%} of the time, through {a['switches']} switches ({a['forced']} forced). "
            f"They take turns, so threads give no speed-up. Use processes (multiprocessing or "
            f"concurrent.futures.ProcessPoolExecutor): with {len(cpu)} CPU-bound workers on this machine's "
            f"{cores} core{'s' if cores != 1 else ''}, expect up to about {k}x.")
    if io and a["gil_busy"] < 0.5:
        med, p99, _ = latency([w for t in ran for w in t.waits])
        share = sum(t.io_total for t in io) / max(1, sum(t.wall for t in io))
        also = ""
        if len(cpu) >= 2:
            also = (f" Separately, {len(cpu)} CPU-bound threads ({', '.join(t.name for t in cpu[:3])}) took "
                    f"turns on the GIL: for that part, processes would run in parallel.")
        return "io-bound", (
            f"I/O-bound threads overlapping well: {len(io)} thread(s) spent {share:.0%} of their time blocked in "
            f"calls while the GIL was busy only {a['gil_busy']:.0%} of the time; getting the GIL back took a "
            f"median {med / 1e3:.0f} us (p99 {p99 / 1e3:.0f} us). Threads are the right tool here.{also}")
    return "mixed", (
        f"Mixed: {len(ran)} threads ran Python; the GIL was busy {a['gil_busy']:.0%} of the time and someone "
        f"waited for it {a['contention']:.0%} of the time ({a['switches']} switches, {a['forced']} forced). "
        f"No single pattern dominates.")


def _ms(ns):
    return f"{ns / 1e6:.2f}"


def summary(a):
    """The text summary that -X gilstats prints at exit."""
    lines = []
    threads = a["threads"]
    lines.append(f"gilpy GIL statistics: wall {a['wall'] / 1e9:.3f} s, {len(threads)} thread(s), "
                 f"{a['switches']} switches ({a['forced']} forced), switch interval "
                 f"{a['switch_interval'] * 1e3:g} ms")
    head = (f"{'thread':<16} {'wall s':>8} {'running':>8} {'waiting':>8} {'blocked':>8}  {'acq':>6} "
            f"{'volunt':>6} {'forced':>6}  {'wait ms med/p99/max':<20} blocked in")
    lines.append(head)
    for t in threads:
        med, p99, mx = latency(t.waits)
        calls = ", ".join(f"{k} {t.share(v):.0%}" for k, v in sorted(t.blocked.items(), key=lambda kv: -kv[1]))
        lines.append(f"{t.name[:16]:<16} {t.wall / 1e9:>8.3f} {t.share(t.running):>8.1%} "
                     f"{t.share(t.waiting):>8.1%} {t.share(t.blocked_total):>8.1%}  {t.acquisitions:>6} "
                     f"{t.voluntary:>6} {t.forced:>6}  {_ms(med) + '/' + _ms(p99) + '/' + _ms(mx):<20} "
                     f"{calls or '-'}")
    lines.append(f"overall: GIL busy {a['gil_busy']:.1%}, contention (someone waiting) {a['contention']:.1%}, "
                 f"switches {a['switches']} ({a['forced']} forced)")
    kind, text = verdict(a)
    lines.append(f"verdict ({kind}): {text}")
    if a["dropped"]:
        lines.append(f"note: {a['dropped']} events were dropped (the recording keeps at most "
                     f"{_gil.max_events()}); the figures cover the recorded part only.")
    return "\n".join(lines) + "\n"


def as_dict(a):
    """The statistics as plain data (what gil.stats() returns)."""
    kind, text = verdict(a)
    out = {
        "wall": a["wall"] / 1e9, "gil_busy": a["gil_busy"], "contention": a["contention"],
        "switches": a["switches"], "forced_switches": a["forced"], "dropped_events": a["dropped"],
        "verdict": kind, "verdict_text": text, "threads": [],
    }
    for t in a["threads"]:
        med, p99, mx = latency(t.waits)
        out["threads"].append({
            "name": t.name, "ident": t.ident, "native_id": t.native_id, "main": t.main,
            "wall": t.wall / 1e9, "running": t.share(t.running), "waiting": t.share(t.waiting),
            "blocked": t.share(t.blocked_total),
            "blocked_by_call": {k: t.share(v) for k, v in t.blocked.items()},
            "acquisitions": t.acquisitions, "voluntary_releases": t.voluntary, "forced_drops": t.forced,
            "drop_requests": t.requests,
            "wait_median": med / 1e9, "wait_p99": p99 / 1e9, "wait_max": mx / 1e9,
        })
    return out
