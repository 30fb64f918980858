"""Dict and str workload: generate text deterministically, count words, build and format strings,
look up and update a dict of records. Prints summary lines as the checksum."""
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "to", "shi", "va", "qu", "zen", "dor", "el"]


def words(count):
    state = 12345
    out = []
    for _ in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        n = 1 + state % 3
        w = ""
        for k in range(n):
            w += SYLLABLES[(state >> (4 * k + 3)) % len(SYLLABLES)]
        out.append(w)
    return out


def main(scale):
    ws = words(40000 * scale)
    text = " ".join(ws)
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("distinct:", len(counts), "top:", top)
    records = {}
    for i, w in enumerate(ws):
        key = w.upper() + "-" + str(len(w))
        rec = records.get(key)
        if rec is None:
            records[key] = rec = {"first": i, "count": 0, "letters": set()}
        rec["count"] += 1
        rec["letters"].update(w)
    lines = []
    for key in sorted(records):
        rec = records[key]
        lines.append("%-12s|%6d|%5d|%s" % (key, rec["first"], rec["count"], "".join(sorted(rec["letters"]))))
    report = "\n".join(lines)
    print("report lines:", len(lines), "chars:", len(report), "hash-free checksum:", sum(map(ord, report)) % 1000003)
    parts = []
    for i in range(60000 * scale):
        parts.append(f"{i:05x}:{ws[i % len(ws)][:3]}")
    joined = ",".join(parts)
    print("joined:", len(joined), joined.count("ka"), joined[:40])
    s = text.replace("ka", "KA").title()
    print("replaced:", s.count("Ka"), s.find("Zen"), len(s.encode()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
