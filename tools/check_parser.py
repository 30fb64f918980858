#!/usr/bin/env python3
"""Compare gilpy's front end with CPython 3.11 on real sources.

For every file: `GILPY --dump-ast FILE` must equal ast.dump(ast.parse(src))
and `GILPY --dump-tokens FILE` must equal `python3.11 -m tokenize -e FILE`.

  tools/check_parser.py --gilpy dist/bin/gilpy FILE...
  tools/check_parser.py --gilpy /tmp/fe/gilpy-fe --stdlib      # /usr/lib/python3.11
  options: --ast-only / --tokens-only, --attributes (also compare positions; passes --attributes to the binary),
           --errors (also compare SyntaxError msg/line/offset for files CPython rejects),
           -j N (parallel jobs, default 2), -v (show first differing position)

The expected side is computed in-process, so this script re-executes itself
under /usr/bin/python3.11 (Debian's, whose library gilpy runs) when needed.
"""
import argparse
import ast
import concurrent.futures
import io
import os
import subprocess
import sys
import tokenize
from token import tok_name

ORACLE = "/usr/bin/python3.11"
if sys.version_info[:2] != (3, 11) and os.path.exists(ORACLE) and os.environ.get("CHECK_PARSER_REEXEC") != "1":
    os.environ["CHECK_PARSER_REEXEC"] = "1"
    os.execv(ORACLE, [ORACLE] + sys.argv)


def stdlib_files():
    root = "/usr/lib/python3.11"
    out = []
    for d, dirs, files in os.walk(root):
        rel = os.path.relpath(d, root)
        parts = rel.split(os.sep)
        # Test suites and lib2to3 fixtures contain deliberately invalid or
        # Python 2 sources; site-packages/dist-packages are not the stdlib.
        if "test" in parts or "tests" in parts or "lib2to3" in parts or "site-packages" in parts \
                or "dist-packages" in parts:
            continue
        out += [os.path.join(d, f) for f in files if f.endswith(".py")]
    return sorted(out)


def expected_tokens(path):
    lines = []
    try:
        with open(path, "rb") as f:
            for t in tokenize.tokenize(f.readline):
                rng = "%d,%d-%d,%d:" % (t.start + t.end)
                lines.append("%-20s%-15s%-15r\n" % (rng, tok_name[t.exact_type], t.string))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return None  # the tokenize module rejects it: nothing to compare
    return "".join(lines)


def first_diff(a, b):
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    return i, a[max(0, i - 80):i + 80], b[max(0, i - 80):i + 80]


def check(path, args):
    problems = []
    with open(path, "rb") as f:
        src = f.read()
    if not args.tokens_only:
        try:
            tree = ast.parse(src, filename=path)
            exp = ast.dump(tree, include_attributes=args.attributes) + "\n"
            exp_err = None
        except SyntaxError as e:
            exp, exp_err = None, e
        cmd = [args.gilpy, "--dump-ast"] + (["--attributes"] if args.attributes else []) + [path]
        r = subprocess.run(cmd, capture_output=True, timeout=60)
        got = r.stdout.decode("utf-8", "replace")
        if exp is not None:
            if r.returncode != 0 or got != exp:
                msg = "AST differs" if r.returncode == 0 else "gilpy error: " + r.stderr.decode(errors="replace").strip().splitlines()[-1:][0] if r.stderr else "gilpy failed"
                if args.verbose and r.returncode == 0:
                    i, g, e = first_diff(got, exp)
                    msg += "\n    at %d\n    gilpy:   %s\n    cpython: %s" % (i, g, e)
                problems.append(msg)
        elif args.errors:
            want = "%s: %s" % (type(exp_err).__name__, exp_err.msg)
            last = r.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
            if r.returncode == 0 or last[0] != want:
                problems.append("error differs: want %r got %r" % (want, last[0]))
    if not args.ast_only:
        exp = expected_tokens(path)
        if exp is not None:
            r = subprocess.run([args.gilpy, "--dump-tokens", path], capture_output=True, timeout=60)
            got = r.stdout.decode("utf-8", "replace")
            if got != exp:
                msg = "tokens differ"
                if args.verbose:
                    i, g, e = first_diff(got, exp)
                    msg += "\n    gilpy:   %r\n    cpython: %r" % (g, e)
                problems.append(msg)
    return path, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gilpy", default="dist/bin/gilpy")
    ap.add_argument("--stdlib", action="store_true")
    ap.add_argument("--ast-only", action="store_true")
    ap.add_argument("--tokens-only", action="store_true")
    ap.add_argument("--attributes", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = list(args.files)
    if args.stdlib:
        files += stdlib_files()
    if not files:
        ap.error("no files (give FILE... or --stdlib)")
    bad = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as ex:
        for path, problems in ex.map(lambda p: check(p, args), files):
            if problems:
                bad += 1
                for p in problems:
                    print("%s: %s" % (path, p))
    print("%d of %d files identical" % (len(files) - bad, len(files)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
