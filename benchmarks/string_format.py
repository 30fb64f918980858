"""String building and formatting: f-strings with format specs, %-formatting, str.format, join,
ljust/rjust/center, a fixed-width report and a CSV-like text built line by line and re-parsed.
Prints sizes and a position-weighted character checksum."""
import sys


def report(n):
    lines = []
    for i in range(n):
        name = "item%04d" % (i % 5000)
        qty = (i * 7) % 113
        price = ((i * 31) % 10007) / 100
        lines.append(f"{i:>7d} | {name:<10} | {qty:4d} | {price:10.2f} | {qty * price:12,.2f} | {i / (n or 1):6.1%}")
    return "\n".join(lines)


def csv_text(n):
    out = []
    for i in range(n):
        fields = [str(i), "%x" % (i * 2654435761 & 0xFFFF), "{:08.3f}".format(i / 7), "name-" + str(i % 97),
                  repr(i % 3 == 0)]
        out.append(",".join(fields))
    return "\r\n".join(out)


def reparse(text):
    total = 0
    flags = 0
    for line in text.split("\r\n"):
        a, b, c, d, e = line.split(",")
        total += int(a) + int(b, 16) + int(float(c)) + len(d)
        flags += e == "True"
    return total, flags


def boxes(n):
    parts = []
    for i in range(n):
        label = str(i * i)
        parts.append("[" + label.center(12, ".") + "]" + label.ljust(8, "-") + label.rjust(8, "+"))
        if i % 10 == 9:
            parts.append("\n")
    return "".join(parts)


def checksum(s):
    h = 0
    for i, ch in enumerate(s[::7]):
        h = (h * 31 + ord(ch) + i) & 0xFFFFFFFF
    return h


def main(n):
    r = report(n)
    c = csv_text(n)
    total, flags = reparse(c)
    b = boxes(n)
    msg = "; ".join("%s=%r" % (k, v) for k, v in sorted({"a": 1, "b": 2.5, "c": "x"}.items()))
    print("report:", len(r), checksum(r), "csv:", len(c), total, flags)
    print("boxes:", len(b), checksum(b), msg, r.splitlines()[n // 2].strip())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 250000)
