# regen: manual -- the gil module is gilpy's own.
# The recording's memory is bounded: past the cap, events are counted as
# dropped, and the summary, the statistics and the report say so.
import threading, time
import gil

print("default cap:", gil.max_events())
gil.set_max_events(40)
with gil.record() as rec:
    ts = [threading.Thread(target=lambda: [time.sleep(0.001) for _ in range(10)]) for _ in range(4)]
    for t in ts: t.start()
    for t in ts: t.join()
st = rec.stats()
print("dropped > 0:", st["dropped_events"] > 0)
note = [l for l in rec.summary().splitlines() if l.startswith("note:")]
import re
print(re.sub(r"\d+", "N", note[0]) if note else "no note")
print("events kept <= cap:", sum(len(l["events"]) for l in __import__("_gil").events()) <= 40)
gil.clear()
gil.set_max_events(gil.max_events() * 0 + 4 * 1024 * 1024)
with gil.record() as rec2:
    time.sleep(0.001)
print("after clear and a new cap:", rec2.stats()["dropped_events"])
