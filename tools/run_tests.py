#!/usr/bin/env python3
"""gilpy's one test runner (run by CPython, never by gilpy itself).

    python3 tools/run_tests.py [--gilpy dist/bin/gilpy] [--unit build/release/gilpy_unit_tests]
                               [--unit tsan=build/release/gil_tsan_tests]
                               [-j N] [-v] [--timeout S] [--list] [FILTER ...]
    python3 tools/run_tests.py --regen [--regen-dis] [FILTER ...]
    python3 tools/run_tests.py --update-known-failures [FILTER ...]

Test kinds (test ids are paths relative to the repository root):
  tests/python/<folder>/X.py   program; cwd = its folder, argv `gilpy X.py`; compares stdout with X.out,
                               stderr with X.err (absent: empty), exit status with X.status (absent: 0).
                               Only top-level files of each folder are tests; names starting with `_`
                               (and everything in subfolders) are helper modules.
  tests/errors/**/X.py         error test; cwd = repo root, argv `gilpy tests/errors/.../X.py`; compares
                               stderr (X.err), status (X.status, absent: 1), stdout (X.out if present).
  tests/golden/{ast,tokens,dis}/X.py   `gilpy --dump-ast|--dump-tokens|--dis X.py` == X.ast|.tokens|.dis
  tests/cli/*.json             command-line cases, id `tests/cli/F.json#NAME` (NAME = "name" or index)
  unit:Suite.Test              each GoogleTest test of the --unit binary (`--unit NAME=BINARY` gives
                               ids unit-NAME:Suite.Test; --unit may be repeated)

Optional X.stdin is fed to programs (otherwise /dev/null). Output is compared after replacing the
absolute repository path + "/" by "" (CPython >= 3.9 prints the absolute path of the main script in
tracebacks, so expected files stay independent of where the checkout lives).

tests/known_failures.txt lists ids expected to fail (`id  # reason`). They are counted apart; one that
passes is an XPASS failure so the list cannot hide progress.

--regen rewrites expected files of tests/python, tests/errors, tests/golden/{ast,tokens} with CPython
3.11 (Debian's /usr/bin/python3.11). A test whose source contains the line `# regen: manual` keeps its
hand-written expectation (write the reason in that comment). --regen-dis writes .dis from gilpy itself.
"""
import argparse
import concurrent.futures
import dataclasses
import difflib
import fnmatch
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
KNOWN_FILE = TESTS / "known_failures.txt"
ROOT_PREFIX = str(ROOT) + "/"
DIFF_LINES = 30
MANUAL_MARK = "# regen: manual"


# ----------------------------------------------------------------------------------------------
# Running one child process: own process group, timeout, the whole group killed afterwards.
# ----------------------------------------------------------------------------------------------

@dataclasses.dataclass
class Run:
    stdout: str = ""
    stderr: str = ""
    status: int | None = None      # exit status; -N when killed by signal N; None if never started
    timed_out: bool = False
    error: str = ""                # could not start the child at all


_live_groups: set[int] = set()
_live_lock = threading.Lock()


def _kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill_all_children():
    with _live_lock:
        for pgid in list(_live_groups):
            _kill_group(pgid)


def child_env(oracle=False, extra=None):
    """A stable environment: no inherited PYTHON* settings, UTF-8 locale, fixed terminal width;
    then `extra` (a CLI case's "env")."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(LC_ALL="C.UTF-8", LANG="C.UTF-8", COLUMNS="80")
    if oracle:
        env["PYTHONDONTWRITEBYTECODE"] = "1"    # keep CPython's .pyc files out of the test tree
    env.update(extra or {})
    return env


def normalize(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape").replace(ROOT_PREFIX, "")


def run_child(argv, cwd, timeout, stdin_text=None, stdin_path=None, oracle=False, env=None) -> Run:
    stdin = subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL
    stdin_file = None
    if stdin_path is not None and stdin_path.exists():
        stdin = stdin_file = open(stdin_path, "rb")
    try:
        proc = subprocess.Popen([str(a) for a in argv], cwd=cwd, stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True, env=child_env(oracle, env))
    except OSError as e:
        return Run(error=f"cannot run {argv[0]}: {e}")
    finally:
        if stdin_file:
            stdin_file.close()
    with _live_lock:
        _live_groups.add(proc.pid)
    run = Run()
    try:
        data = stdin_text.encode() if stdin_text is not None else None
        out, err = proc.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        out, err = proc.communicate()
        run.timed_out = True
    finally:
        _kill_group(proc.pid)           # grandchildren left in the group die with it
        with _live_lock:
            _live_groups.discard(proc.pid)
    run.stdout, run.stderr, run.status = normalize(out), normalize(err), proc.returncode
    return run


# ----------------------------------------------------------------------------------------------
# Outcomes and comparison helpers
# ----------------------------------------------------------------------------------------------

@dataclasses.dataclass
class Outcome:
    id: str
    ok: bool
    why: str = ""                                          # short reason for a failure
    detail: list[str] = dataclasses.field(default_factory=list)   # diff / output lines
    seconds: float = 0.0


def diff(label, expected, actual):
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                      f"expected {label}", f"actual {label}", n=2, lineterm=""))
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... ({len(lines) - DIFF_LINES} more diff lines)"]
    return lines


def status_text(status):
    if status is not None and status < 0:
        try:
            return f"killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return f"status {status}"


def check(test_id, run, expect, seconds) -> Outcome:
    """Compare a Run with expectations {'stdout','stderr','status','stdout_contains',...}."""
    if run.error:
        return Outcome(test_id, False, run.error, seconds=seconds)
    if run.timed_out:
        tail = run.stderr.splitlines()[-5:]
        return Outcome(test_id, False, f"TIMEOUT after {seconds:.0f}s", tail, seconds)
    whys, detail = [], []
    if "status" in expect and run.status != expect["status"]:
        whys.append(f"{status_text(run.status)}, expected {expect['status']}")
    for stream in ("stdout", "stderr"):
        actual = getattr(run, stream)
        if stream in expect and actual != expect[stream]:
            whys.append(f"{stream} differs")
            detail += diff(stream, expect[stream], actual)
        needle = expect.get(stream + "_contains")
        if needle is not None and needle not in actual:
            whys.append(f"{stream} lacks {needle!r}")
            detail += [f"{stream}: {line}" for line in actual.splitlines()[:10]]
    if whys and "stderr" not in expect and run.stderr:
        detail += ["stderr: " + line for line in run.stderr.splitlines()[-10:]]
    return Outcome(test_id, not whys, "; ".join(whys), detail, seconds)


def read(path: Path):
    return path.read_text(encoding="utf-8", errors="surrogateescape") if path.exists() else None


def write_if_changed(path: Path, text: str) -> bool:
    if read(path) == text:
        return False
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    return True


def remove_if_exists(path: Path) -> bool:
    if path.exists():
        path.unlink()
        return True
    return False


# ----------------------------------------------------------------------------------------------
# Test kinds. Each has an id, run(cfg) -> list[Outcome] and regen(cfg) -> number of files changed.
# ----------------------------------------------------------------------------------------------

class ProgramTest:
    """tests/python (cwd = folder, default status 0) and tests/errors (cwd = root, default 1)."""

    def __init__(self, path: Path, error_test: bool):
        self.path, self.error_test = path, error_test
        self.id = str(path.relative_to(ROOT))
        self.default_status = 1 if error_test else 0

    def argv_cwd(self, exe):
        if self.error_test:
            return [exe, self.id], ROOT
        return [exe, self.path.name], self.path.parent

    def sibling(self, ext):
        return self.path.with_suffix(ext)

    def run(self, cfg):
        start = time.monotonic()
        argv, cwd = self.argv_cwd(cfg.gilpy)
        run = run_child(argv, cwd, cfg.timeout, stdin_path=self.sibling(".stdin"))
        seconds = time.monotonic() - start
        out, err, st = read(self.sibling(".out")), read(self.sibling(".err")), read(self.sibling(".status"))
        if out is None and not self.error_test:
            return [Outcome(self.id, False, "missing expected .out (run tools/run_tests.py --regen)")]
        if err is None and self.error_test:
            return [Outcome(self.id, False, "missing expected .err (run tools/run_tests.py --regen)")]
        expect = {"stderr": err or "", "status": int(st) if st else self.default_status}
        if out is not None:
            expect["stdout"] = out
        return [check(self.id, run, expect, seconds)]

    def regen(self, cfg):
        if MANUAL_MARK in (read(self.path) or ""):
            return 0
        argv, cwd = self.argv_cwd(cfg.oracle)
        run = run_child(argv, cwd, cfg.timeout, stdin_path=self.sibling(".stdin"), oracle=True)
        if run.error or run.timed_out:
            print(f"regen {self.id}: {run.error or 'timed out'}")
            return 0
        changed = 0
        if not self.error_test or run.stdout or self.sibling(".out").exists():
            changed += write_if_changed(self.sibling(".out"), run.stdout)
        for ext, value, default in ((".err", run.stderr, ""),
                                    (".status", f"{run.status}\n", f"{self.default_status}\n")):
            if value == default and not (self.error_test and ext == ".err"):
                changed += remove_if_exists(self.sibling(ext))
            else:
                changed += write_if_changed(self.sibling(ext), value)
        return changed


AST_DUMP = ("import ast, sys\n"
            "print(ast.dump(ast.parse(open(sys.argv[1], encoding='utf-8').read())))\n")


class GoldenTest:
    """tests/golden/<mode>/X.py: gilpy's dump of X.py equals X.<ext>."""
    MODES = {"ast": ("--dump-ast", ".ast"), "tokens": ("--dump-tokens", ".tokens"), "dis": ("--dis", ".dis")}

    def __init__(self, path: Path, mode: str):
        self.path, self.mode = path, mode
        self.id = str(path.relative_to(ROOT))
        self.flag, ext = self.MODES[mode]
        self.expected = path.with_suffix(ext)

    def run(self, cfg):
        start = time.monotonic()
        run = run_child([cfg.gilpy, self.flag, self.path.name], self.path.parent, cfg.timeout)
        expected = read(self.expected)
        if expected is None:
            return [Outcome(self.id, False, f"missing {self.expected.name}")]
        return [check(self.id, run, {"stdout": expected, "status": 0}, time.monotonic() - start)]

    def regen(self, cfg):
        if self.mode == "dis":
            if not cfg.regen_dis:
                return 0
            argv = [cfg.gilpy, "--dis", self.path.name]      # gilpy's own bytecode, for review
        elif self.mode == "ast":
            argv = [cfg.oracle, "-c", AST_DUMP, self.path.name]
        else:
            argv = [cfg.oracle, "-m", "tokenize", "-e", self.path.name]
        run = run_child(argv, self.path.parent, cfg.timeout, oracle=self.mode != "dis")
        if run.status != 0:
            print(f"regen {self.id}: {status_text(run.status)} {run.error}\n{run.stderr}")
            return 0
        return write_if_changed(self.expected, run.stdout)


class CliTest:
    """One case of a tests/cli/*.json file; runs `gilpy ARGS...` with cwd = tests/cli, and the
    variables of "env" (a dict) added to the environment (which has no inherited PYTHON*)."""
    KEYS = {"name", "args", "env", "stdin", "stdout", "stderr", "status", "stdout_contains", "stderr_contains"}

    def __init__(self, path: Path, index: int, case: dict):
        self.path, self.case = path, case
        self.id = f"{path.relative_to(ROOT)}#{case.get('name', index)}"

    def run(self, cfg):
        unknown = set(self.case) - self.KEYS
        if unknown:
            return [Outcome(self.id, False, f"unknown keys in case: {sorted(unknown)}")]
        start = time.monotonic()
        run = run_child([cfg.gilpy, *self.case.get("args", [])], self.path.parent, cfg.timeout,
                        stdin_text=self.case.get("stdin"), env=self.case.get("env"))
        expect = {k: v for k, v in self.case.items() if k not in ("name", "args", "stdin", "env")}
        expect.setdefault("status", 0)
        return [check(self.id, run, expect, time.monotonic() - start)]

    def regen(self, cfg):
        return 0


class UnitTests:
    """All GoogleTest tests of one binary, run in one process (one outcome each).
    If the binary dies before writing its JSON report, each test is re-run alone to isolate it."""

    def __init__(self, binary: Path, names: list[str], filtered: bool, prefix: str = "unit"):
        self.binary, self.names, self.filtered = binary, names, filtered
        self.id = prefix

    @staticmethod
    def list_tests(binary, timeout):
        run = run_child([binary, "--gtest_list_tests"], ROOT, timeout)
        if run.status != 0:
            return None, run
        names, suite = [], ""
        for line in run.stdout.splitlines():
            text = line.split("#")[0].rstrip()
            if not text.strip():
                continue
            if not line.startswith(" "):
                suite = text.strip()
            elif not (suite + text.strip()).startswith("DISABLED_") and ".DISABLED_" not in suite + text:
                names.append(suite + text.strip())
        return names, run

    def run(self, cfg):
        if not self.names:
            return []
        start = time.monotonic()
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "report.json"
            argv = [self.binary, "--gtest_brief=1", f"--gtest_output=json:{report}"]
            if self.filtered:
                argv.append("--gtest_filter=" + ":".join(self.names))
            run = run_child(argv, ROOT, cfg.timeout * 5)
            data = json.loads(report.read_text()) if report.exists() else None
        if data is None:
            return [self.run_alone(cfg, name) for name in self.names]
        per_test = (time.monotonic() - start) / max(1, len(self.names))
        outcomes = []
        for suite in data.get("testsuites", []):
            for t in suite.get("testsuite", []):
                if t.get("status") == "NOTRUN":
                    continue
                name = f"{suite['name']}.{t['name']}"
                fails = [f.get("failure", "") for f in t.get("failures", [])]
                lines = [ln for f in fails for ln in f.splitlines()][:DIFF_LINES]
                outcomes.append(Outcome(self.id + ":" + name, not fails, "gtest failure" if fails else "",
                                        lines, per_test))
        if not outcomes and run.status != 0:
            outcomes.append(Outcome(self.id, False, status_text(run.status), run.stdout.splitlines()[-20:]))
        return outcomes

    def run_alone(self, cfg, name):
        start = time.monotonic()
        run = run_child([self.binary, "--gtest_brief=1", f"--gtest_filter={name}"], ROOT, cfg.timeout)
        if run.timed_out:
            return Outcome(self.id + ":" + name, False, f"TIMEOUT after {cfg.timeout}s")
        why = "" if run.status == 0 else status_text(run.status)
        return Outcome(self.id + ":" + name, run.status == 0, why,
                       (run.stdout + run.stderr).splitlines()[-DIFF_LINES:], time.monotonic() - start)

    def regen(self, cfg):
        return 0


# ----------------------------------------------------------------------------------------------
# Discovery and filtering
# ----------------------------------------------------------------------------------------------

def is_helper(path: Path, base: Path):
    return any(part.startswith("_") for part in path.relative_to(base).parts)


class FuzzTest:
    """A bounded libFuzzer run of one target (tests/fuzz/NAME.cpp built into --fuzz-dir), seeded with
    the test programs. Passes when the fuzzer exits 0 after --fuzz-seconds: no crash, leak or timeout."""

    def __init__(self, binary: Path, seconds: int):
        self.binary, self.seconds = binary, seconds
        self.id = f"fuzz:{binary.name}"

    def run(self, cfg):
        import tempfile
        start = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="gilpy-fuzz-") as corpus:
            seeds = sorted((TESTS / "golden").rglob("*.py")) + sorted((TESTS / "errors" / "syntax").glob("*.py"))
            for i, seed in enumerate(seeds):
                (Path(corpus) / f"seed{i}.py").write_bytes(seed.read_bytes())
            run = run_child([self.binary, f"-max_total_time={self.seconds}", "-timeout=10", "-rss_limit_mb=4096",
                             "-max_len=4096", "-print_final_stats=0", corpus], ROOT, self.seconds + 120)
        ok = run.status == 0
        why = "" if ok else f"fuzzer found a problem ({status_text(run.status)})"
        detail = [] if ok else run.stderr.splitlines()[-30:]
        return [Outcome(self.id, ok, why, detail, time.monotonic() - start)]

    def regen(self, cfg):
        return 0


class DiffFuzzTest:
    """A bounded, seeded run of tools/difffuzz.py: random programs under gilpy and CPython
    (/usr/bin/python3.11), outputs compared. Fixed seeds, so a failure reproduces with
    `python3 tools/difffuzz.py --gilpy dist/bin/gilpy --count 200 --seed 1`."""

    id = "difffuzz:seed1x200"

    def run(self, cfg):
        start = time.monotonic()
        gilpy = str(Path(cfg.gilpy).resolve()) if os.sep in str(cfg.gilpy) else str(cfg.gilpy)
        run = run_child([sys.executable, str(ROOT / "tools" / "difffuzz.py"), "--gilpy", gilpy,
                         "--count", "200", "--seed", "1", "--out", str(ROOT / "build" / "difffuzz-test")],
                        ROOT, 600)
        ok = run.status == 0
        why = "" if ok else f"programs behave differently under gilpy ({status_text(run.status)})"
        detail = [] if ok else (run.stdout + run.stderr).splitlines()[-20:]
        return [Outcome(self.id, ok, why, detail, time.monotonic() - start)]

    def regen(self, cfg):
        return 0


def fuzz_tests(cfg):
    if not cfg.fuzz_dir:
        return []
    d = Path(cfg.fuzz_dir)
    targets = sorted(p.stem for p in (TESTS / "fuzz").glob("*.cpp"))
    out = []
    for name in targets:
        b = d / name
        if not b.exists():
            out.append(Outcome(f"fuzz:{name}", False, f"fuzz target {b} was not built"))
        elif matches(f"fuzz:{name}", cfg.filters):
            out.append(FuzzTest(b.resolve(), cfg.fuzz_seconds))
    return out


def discover(cfg):
    tests = []
    for folder in sorted(p for p in (TESTS / "python").glob("*") if p.is_dir()):
        tests += [ProgramTest(p, False) for p in sorted(folder.glob("*.py")) if not p.name.startswith("_")]
    errors = TESTS / "errors"
    tests += [ProgramTest(p, True) for p in sorted(errors.rglob("*.py")) if not is_helper(p, errors)]
    for mode in GoldenTest.MODES:
        tests += [GoldenTest(p, mode) for p in sorted((TESTS / "golden" / mode).glob("*.py"))]
    for path in sorted((TESTS / "cli").glob("*.json")):
        try:
            cases = json.loads(path.read_text())
        except ValueError as e:
            sys.exit(f"{path.relative_to(ROOT)}: invalid JSON: {e}")
        tests += [CliTest(path, i, case) for i, case in enumerate(cases)]
    return tests


def matches(test_id, filters):
    if not filters:
        return True
    for f in filters:
        f = f.rstrip("/")
        if any(c in f for c in "*?[") and fnmatch.fnmatchcase(test_id, f):
            return True
        if f in test_id:
            return True
    return False


def unit_tests(cfg):
    """The UnitTests jobs (or failing outcomes) for each --unit [NAME=]BINARY."""
    jobs = []
    for spec in cfg.unit or []:
        prefix, path = "unit", spec
        if "=" in spec:
            name, path = spec.split("=", 1)
            prefix = "unit-" + name
        binary = Path(path).resolve()
        if not binary.exists():
            jobs.append(Outcome(prefix, False, f"unit test binary {path} is missing"))
            continue
        names, run = UnitTests.list_tests(binary, cfg.timeout)
        if names is None:
            jobs.append(Outcome(prefix, False, f"--gtest_list_tests failed: {status_text(run.status)} {run.error}"))
            continue
        jobs.append(UnitTests(binary, [n for n in names if matches(prefix + ":" + n, cfg.filters)],
                              bool(cfg.filters), prefix))
    return jobs


# ----------------------------------------------------------------------------------------------
# Known failures
# ----------------------------------------------------------------------------------------------

def load_known():
    """{id: reason} from tests/known_failures.txt."""
    known = {}
    for line in (read(KNOWN_FILE) or "").splitlines():
        entry, _, reason = line.partition("#")
        if entry.strip():
            known[entry.strip()] = reason.strip()
    return known


def update_known(known, outcomes):
    """Rewrite the list: entries for tests not run this time stay; run tests are listed iff failing."""
    ran = {o.id for o in outcomes}
    failing = {o.id for o in outcomes if not o.ok}
    keep = {i: r for i, r in known.items() if i not in ran}
    keep.update({i: known.get(i, "") for i in failing})
    header = [ln for ln in (read(KNOWN_FILE) or "").splitlines() if ln.startswith("#")] or [
        "# Tests expected to fail today: `test-id  # reason`. A listed test that passes is an XPASS",
        "# failure; `tools/run_tests.py --update-known-failures` rewrites this file."]
    body = [f"{i}  # {r}" if r else i for i, r in sorted(keep.items())]
    KNOWN_FILE.write_text("\n".join(header + body) + "\n")
    print(f"wrote {KNOWN_FILE.relative_to(ROOT)}: {len(keep)} entries")


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------

def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("filters", nargs="*", help="substrings or globs of test ids")
    ap.add_argument("--gilpy", default=str(ROOT / "dist/bin/gilpy"), help="interpreter under test")
    ap.add_argument("--unit", action="append", help="GoogleTest binary to run as well ([NAME=]PATH, repeatable)")
    ap.add_argument("--fuzz-dir", help="folder with the built libFuzzer targets: run each for a bounded time")
    ap.add_argument("--fuzz-seconds", type=int, default=30, help="seconds per fuzz target (default 30)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every test")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per test (default 60)")
    ap.add_argument("--list", action="store_true", help="list test ids and exit")
    ap.add_argument("--regen", action="store_true", help="rewrite expected files with CPython 3.11")
    ap.add_argument("--regen-dis", action="store_true", help="rewrite golden .dis files from gilpy")
    ap.add_argument("--oracle", default="/usr/bin/python3.11" if os.path.exists("/usr/bin/python3.11")
                    else "python3", help="CPython used by --regen")
    ap.add_argument("--update-known-failures", action="store_true")
    cfg = ap.parse_args()
    cfg.gilpy = str(Path(cfg.gilpy).resolve()) if os.sep in cfg.gilpy else cfg.gilpy
    return cfg


def run_pool(jobs, fn, items):
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        futures = [pool.submit(fn, item) for item in items]
        for fut in concurrent.futures.as_completed(futures):
            yield fut.result()
    except BaseException:                  # Ctrl-C: cancel the queue, kill what runs, then re-raise
        pool.shutdown(wait=False, cancel_futures=True)
        kill_all_children()
        raise
    pool.shutdown()


def regen(cfg, tests):
    tests = [t for t in tests if isinstance(t, (ProgramTest, GoldenTest))]
    changed = sum(run_pool(cfg.jobs, lambda t: t.regen(cfg), tests))
    print(f"regenerated expectations of {len(tests)} tests: {changed} files changed")
    return 0


def report(cfg, outcomes, known):
    """Print failures (sorted) and the summary; return the exit status."""
    passed = failed = 0
    known_failed = []
    for o in sorted(outcomes, key=lambda o: o.id):
        if o.id in known:
            if o.ok:
                o.ok, o.why = False, "XPASS: remove it from tests/known_failures.txt"
            else:
                known_failed.append(o)
                if cfg.verbose:
                    print(f"KNOWN {o.id}: {o.why}")
                continue
        if o.ok:
            passed += 1
            if cfg.verbose:
                print(f"PASS  {o.id} ({o.seconds:.2f}s)")
        else:
            failed += 1
            print(f"FAIL  {o.id}: {o.why}")
            for line in o.detail:
                print("    " + line)
    if known_failed:
        print(f"{len(known_failed)} known failures ({KNOWN_FILE.relative_to(ROOT)})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    cfg = parse_args()
    tests = [t for t in discover(cfg) if matches(t.id, cfg.filters)]
    if cfg.regen or cfg.regen_dis:
        return regen(cfg, tests)
    units = unit_tests(cfg)
    if cfg.list:
        for t in tests:
            print(t.id)
        for u in units:
            for name in getattr(u, "names", []):
                print(u.id + ":" + name)
        return 0
    if not os.access(cfg.gilpy, os.X_OK) and os.sep in cfg.gilpy:
        print(f"warning: {cfg.gilpy} is not an executable file; every test will fail")
    outcomes = [u for u in units if isinstance(u, Outcome)]
    fuzz = fuzz_tests(cfg)
    if matches(DiffFuzzTest.id, cfg.filters) and Path("/usr/bin/python3.11").exists():
        fuzz.append(DiffFuzzTest())
    outcomes += [f for f in fuzz if isinstance(f, Outcome)]
    jobs = [u for u in units if isinstance(u, UnitTests)] + [f for f in fuzz if isinstance(f, (FuzzTest, DiffFuzzTest))] + tests

    for results in run_pool(cfg.jobs, lambda test: test.run(cfg), jobs):
        outcomes += results
    known = load_known()
    if cfg.update_known_failures:
        update_known(known, outcomes)
        known = load_known()
    return report(cfg, outcomes, known)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        kill_all_children()
        print("interrupted")
        sys.exit(130)
    finally:
        kill_all_children()
