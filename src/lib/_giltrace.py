"""gilpy's GIL recording in the Chrome trace-event format (`-X giltrace=out.json`).

The file opens in Perfetto (ui.perfetto.dev) and chrome://tracing: one track per thread, named after
the Python thread, with "running" and "waiting for GIL" spans and one span per blocking call (named
by the call: sleep, lock, join, queue, file, socket, ...); instants for drop requests and forced
switches; and a counter track with the number of threads waiting for the GIL. Times are microseconds
from the start of the recording.
"""

import json
import os

import _gilstats


def trace_events(a):
    pid = os.getpid()
    t0 = a["start"]

    def us(ns):
        return round((ns - t0) / 1000, 3)

    events = [{"name": "process_name", "ph": "M", "pid": pid, "tid": 0, "args": {"name": f"gilpy pid {pid}"}}]
    for t in a["threads"]:
        tid = t.native_id or t.serial
        events.append({"name": "thread_name", "ph": "M", "pid": pid, "tid": tid, "args": {"name": t.name}})
        events.append({"name": "thread_sort_index", "ph": "M", "pid": pid, "tid": tid,
                       "args": {"sort_index": 0 if t.main else t.serial}})
        for state, kind, b0, b1 in t.spans:
            name = "running" if state == "running" else "waiting for GIL" if state == "waiting" else kind
            cat = "gil" if state != "blocked" else "blocking"
            events.append({"name": name, "cat": cat, "ph": "X", "pid": pid, "tid": tid, "ts": us(b0),
                           "dur": round((b1 - b0) / 1000, 3), "args": {"state": state}})
    # Instants come from the raw events: drop requests (by the waiter) and forced drops (by the holder).
    for log in _gil_logs(a):
        tid = log["native_id"] or log["serial"]
        for t, typ, arg in log["events"]:
            if not a["start"] <= t <= a["end"]:
                continue
            if typ == _gilstats.EV_REQUEST:
                events.append({"name": "drop request", "cat": "gil", "ph": "i", "s": "t", "pid": pid,
                               "tid": tid, "ts": us(t)})
            elif typ == _gilstats.EV_RELEASE and (arg >> 4) == _gilstats.FORCED:
                events.append({"name": "forced switch", "cat": "gil", "ph": "i", "s": "t", "pid": pid,
                               "tid": tid, "ts": us(t)})
    for t, level in a["waiters_counter"]:
        events.append({"name": "threads waiting for the GIL", "ph": "C", "pid": pid, "tid": 0, "ts": us(t),
                       "args": {"waiting": level}})
    return events


def _gil_logs(a):
    return a.get("logs") or []


def write(path, a):
    data = {"traceEvents": trace_events(a), "displayTimeUnit": "ms",
            "otherData": {"generator": "gilpy", "switch_interval_s": a["switch_interval"],
                          "dropped_events": a["dropped"]}}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
