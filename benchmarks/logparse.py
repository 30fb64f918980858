"""Text processing as log analysis does it: synthetic access-log lines are built with f-strings,
then split, stripped, partitioned and tested with str methods, aggregated in dicts and Counters
(status codes, paths, per-hour traffic, user agents), and a report is formatted with % and
str.format and joined. Prints the report's summary lines and a checksum of its text."""
import sys
from collections import Counter, defaultdict

PATHS = ["/", "/index.html", "/api/v1/items", "/api/v1/users", "/static/app.js", "/static/style.css",
         "/login", "/logout", "/search", "/api/v2/orders"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64)", "curl/8.1.2", "python-requests/2.31", "Googlebot/2.1",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"]
STATUS = [200, 200, 200, 304, 404, 500, 301, 200, 201, 403]


def make_lines(n):
    lines = []
    for i in range(n):
        ip = f"10.{i % 7}.{(i * 3) % 256}.{(i * 11) % 256}"
        hour, minute, sec = (i // 3600) % 24, (i // 60) % 60, i % 60
        path = PATHS[(i * 7) % len(PATHS)]
        query = f"?q=term{i % 13}&page={i % 5}" if path == "/search" else ""
        status = STATUS[(i * 3) % len(STATUS)]
        size = (i * 7919) % 50000
        agent = AGENTS[(i * 5) % len(AGENTS)]
        lines.append(f'{ip} - - [07/Dec/2026:{hour:02d}:{minute:02d}:{sec:02d} +0000] '
                     f'"GET {path}{query} HTTP/1.1" {status} {size} "-" "{agent}"')
    return lines


def parse(lines):
    status = Counter()
    paths = Counter()
    hours = defaultdict(int)
    bytes_by_path = defaultdict(int)
    agents = Counter()
    errors = []
    for line in lines:
        ip, _, rest = line.partition(" - - [")
        stamp, _, rest = rest.partition("] \"")
        request, _, rest = rest.partition("\" ")
        code, size, rest = rest.split(" ", 2)
        agent = rest.rsplit("\"", 2)[-2]
        method, target, proto = request.split()
        path, _, query = target.partition("?")
        hour = stamp.split(":")[1]
        status[int(code)] += 1
        paths[path.rstrip("/") or "/"] += 1
        hours[hour] += int(size)
        bytes_by_path[path] += int(size)
        agents[agent.split("/")[0].lower()] += 1
        if code.startswith("5") or (code == "404" and "api" in path):
            errors.append(f"{ip} {method} {path} -> {code}")
        if query:
            params = dict(p.split("=") for p in query.split("&"))
            paths["search:" + params["q"]] += 1
    return status, paths, hours, bytes_by_path, agents, errors


def report(status, paths, hours, bytes_by_path, agents, errors):
    out = ["%-8s %8s" % ("status", "count")]
    out += ["%-8d %8d" % (k, v) for k, v in sorted(status.items())]
    out += ["{:<24} {:>8}".format(p, n) for p, n in paths.most_common(8)]
    out += [f"{h}h {b / 1024:10.1f} KiB" for h, b in sorted(hours.items())]
    out += [f"{a:>12}: {n}" for a, n in agents.most_common()]
    out.append(f"errors: {len(errors)}; first: {errors[0] if errors else '-'}")
    return "\n".join(out)


def main(rounds):
    lines = make_lines(40000)
    text = ""
    for _ in range(rounds):
        text = report(*parse(lines))
    print(text.splitlines()[0])
    print(text.splitlines()[-1])
    print(len(text), sum(map(ord, text)) % 1000003)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
