"""Import-heavy start-up: start a fresh interpreter (sys.executable) again and again, each importing
threading, json, re, argparse, logging, unittest, dataclasses, collections, datetime and
concurrent.futures, building an argparse parser and a logger, and printing a few facts that
the parent checks. The parent prints how many starts succeeded and the facts as the checksum."""
import subprocess
import sys

CHILD = r"""
import threading, json, re, argparse, logging, unittest, dataclasses, collections, datetime
import concurrent.futures
p = argparse.ArgumentParser(prog="x")
p.add_argument("--n", type=int, default=3)
a = p.parse_args(["--n", "5"])
log = logging.getLogger("startup")
log.addHandler(logging.NullHandler())
log.info("ready")
print(a.n, json.dumps({"ok": bool(re.match(r"\d+", "42"))}), len(unittest.TestCase.__name__),
      threading.current_thread().name)
"""


def main(n):
    outputs = set()
    ok = 0
    for _ in range(n):
        r = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if r.returncode == 0:
            ok += 1
            outputs.add(r.stdout.strip())
    print("starts:", ok, "of", n, "outputs:", sorted(outputs))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
