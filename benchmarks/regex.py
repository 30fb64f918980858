"""Regular expressions: parse generated web-server log lines with a verbose pattern and named groups,
findall/finditer/sub/split over the text, alternations, backreferences, lookaheads and a compiled
pattern cache. Prints counts and digests as the checksum."""
import re
import sys

LINE = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})\s+-\s+(?P<user>[\w-]+)\s+
    \[(?P<day>\d{2})/(?P<mon>[A-Z][a-z]{2})/(?P<year>\d{4}):(?P<time>\d{2}:\d{2}:\d{2})\]\s+
    "(?P<method>GET|POST|PUT|DELETE)\s+(?P<path>/[^\s"?]*)(?:\?(?P<query>[^\s"]*))?\s+HTTP/1\.[01]"\s+
    (?P<status>\d{3})\s+(?P<size>\d+|-)
""", re.VERBOSE)

METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
PATHS = ["/", "/index.html", "/api/v1/users", "/api/v1/items/42", "/static/app.js", "/login", "/search"]


def make_log(n):
    lines = []
    s = 1
    for i in range(n):
        s = (s * 1664525 + 1013904223) & 0xFFFFFFFF
        ip = f"{s >> 24}.{(s >> 16) & 255}.{(s >> 8) & 255}.{s & 255}"
        user = "-" if s % 3 else f"user{s % 50}"
        path = PATHS[s % len(PATHS)]
        query = f"?q=term{s % 13}&page={s % 7}" if path == "/search" else ""
        size = "-" if s % 17 == 0 else str(s % 40000)
        lines.append(f'{ip} - {user} [{s % 28 + 1:02d}/{MONTHS[s % 6]}/2023:{s % 24:02d}:{s % 60:02d}:{(s >> 3) % 60:02d}] '
                     f'"{METHODS[s % 6]} {path}{query} HTTP/1.1" {[200, 200, 304, 404, 500][s % 5]} {size}')
    return lines


def main(n):
    lines = make_log(n)
    status = {}
    bytes_total = 0
    users = 0
    terms = {}
    for line in lines:
        m = LINE.match(line)
        if not m:
            continue
        status[m["status"]] = status.get(m["status"], 0) + 1
        if m["size"] != "-":
            bytes_total += int(m["size"])
        if m["user"] != "-":
            users += 1
        q = m["query"]
        if q:
            for k, v in re.findall(r"(\w+)=(\w+)", q):
                terms[v] = terms.get(v, 0) + 1
    text = "\n".join(lines)
    ips = len(re.findall(r"\b(?:25[0-5]|2[0-4]\d|1?\d?\d)\.(?:\d+\.){2}\d+\b", text))
    api = sum(1 for _ in re.finditer(r'"(?:GET|POST) /api/v\d+/(\w+)(?:/(\d+))?', text))
    redacted = re.sub(r"user(\d+)", lambda m: "u" + str(int(m.group(1)) * 2), text[: len(text) // 4])
    words = re.split(r"[\s\[\]\"/:?&=.]+", text[: len(text) // 4])
    doubled = len(re.findall(r"(\d)\1", text[: len(text) // 4]))
    look = len(re.findall(r"\d+(?= HTTP)|(?<=page=)\d", text[: len(text) // 4]))
    print("status:", sorted(status.items()), "bytes:", bytes_total, "users:", users)
    print("terms:", len(terms), "ips:", ips, "api:", api, "redacted:", len(redacted), "words:", len(words),
          "doubled:", doubled, "look:", look)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 150000)
