#!/usr/bin/env python3
"""Conformance: gilpy against code nobody on the project wrote.

Runs (a) CPython 3.11's own regression-test modules from /usr/lib/python3.11/test, one module per
process, under gilpy and under the oracle /usr/bin/python3.11 in the same run, and (b) the test
suites of pinned pure-Python projects under pytest, under both interpreters. The metric, per
module, per project and per group: of the tests CPython passes, how many gilpy passes ("ok" under
gilpy; skipped, failed, not run, crashed all count as not passed).

Run by the system python3 (CPython), never by gilpy:

    python3 tools/conformance.py --gilpy dist/bin/gilpy            # everything, writes docs/conformance.md
    python3 tools/conformance.py --only test_int,test_list         # a subset (doc not rewritten)
    python3 tools/conformance.py --group core | --cpython-only | --projects-only
    python3 tools/conformance.py --diff OLD.json                   # run, then list tests that changed
    python3 tools/conformance.py --diff OLD.json --compare NEW.json  # no run: diff two result files

Raw per-test results go to build/conformance/results.json (and a dated copy), outside git.

Project snapshots: each project is pinned to owner/name and a commit. Its tree is taken from the
cache directory (--cache, default ~/.cache/gilpy-conformance/OWNER+NAME-COMMIT12/); if it is not
there, it is extracted (git archive COMMIT) from a mirror git directory
(--mirror, default /work/.mirror/OWNER+NAME/repo), which exists only on machines with the
snapshot-fetch tool. A project found in neither place is skipped with a message, never counted.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRIVER = os.path.join(ROOT, "tools", "conformance_unittest.py")
TESTDIR = "/usr/lib/python3.11/test"
DIST_PACKAGES = "/usr/lib/python3/dist-packages"

# ---------------------------------------------------------------------------------------------
# What is measured. Extend these lists; names must exist in /usr/lib/python3.11/test (a module
# file test_X.py or a package test_X/).

GROUPS = {
    "core": [  # the language and the builtin types
        "test_grammar", "test_int", "test_long", "test_float", "test_list", "test_tuple",
        "test_dict", "test_set", "test_unicode", "test_bytes", "test_descr", "test_class",
        "test_scope", "test_generators", "test_exceptions", "test_types", "test_builtin",
        "test_property", "test_funcattrs", "test_coroutines", "test_asyncgen", "test_isinstance",
        "test_fstring", "test_format", "test_struct", "test_patma", "test_bool", "test_complex",
        "test_contains", "test_augassign", "test_unpack", "test_with", "test_raise",
        "test_keywordonlyarg", "test_positional_only_arg", "test_string_literals", "test_syntax",
        "test_opcodes", "test_dictviews", "test_iter", "test_range", "test_slice", "test_sort",
        "test_enumerate", "test_deque", "test_userdict", "test_userlist", "test_super",
        "test_except_star", "test_compile", "test_math", "test_cmath", "test_memoryview",
        "test_named_expressions", "test_unicode_identifiers", "test_genericalias",
        "test_exception_group", "test_listcomps", "test_setcomps", "test_dictcomps",
        "test_unary", "test_pow", "test_int_literal", "test_baseexception", "test_global",
        "test_structseq", "test_userstring", "test_typechecks", "test_richcmp", "test_binop",
        "test_compare", "test_hash", "test_index",
    ],
    "library": [  # the standard library running on top
        "test_collections", "test_functools", "test_itertools", "test_re", "test_json",
        "test_enum", "test_dataclasses", "test_typing", "test_contextlib",
        "test_contextlib_async", "test_argparse", "test_logging", "test_datetime",
        "test_pathlib", "test_os", "test_io", "test_inspect", "test_traceback", "test_unittest",
        "test_threading", "test_queue", "test_concurrent_futures", "test_asyncio",
        "test_socket", "test_select", "test_time", "test_random", "test_statistics",
        "test_decimal", "test_fractions", "test_textwrap", "test_difflib", "test_heapq",
        "test_bisect", "test_operator", "test_copy", "test_pickle", "test_weakref", "test_abc",
        "test_csv", "test_zlib", "test_gzip", "test_bz2", "test_lzma", "test_zipfile", "test_tarfile",
        "test_tempfile", "test_shutil",
        "test_glob", "test_fnmatch", "test_subprocess", "test_signal",
        "test_multiprocessing_fork", "test_calendar", "test_base64", "test_hashlib",
        "test_hmac", "test_array", "test_uuid", "test_urlparse", "test_shlex",
        "test_getopt", "test_configparser", "test_pprint", "test_reprlib", "test_keyword",
        "test_tokenize", "test_ast", "test_dis", "test_importlib", "test_runpy", "test_site",
        "test_sys", "test_warnings", "test_string", "test_struct", "test_with",
        "test_posix", "test_codecs",
        "test_sys_settrace", "test_sys_setprofile", "test_bdb", "test_pdb", "test_trace",
        "test_profile", "test_cprofile", "test_pstats", "test_timeit", "test_doctest",
        "test_faulthandler", "test_tracemalloc", "test_rlcompleter", "test_code_module", "test_readline",
        "test_pyexpat", "test_xml_etree", "test_minidom", "test_sax", "test_plistlib",
        "test_xml_dom_minicompat", "test_xmlrpc", "test_pulldom",
    ],
}
# "rest": every other module of the suite, discovered (the whole suite must run under gilpy without a
# crash or a hang, whatever its score), less those named here with the reason.
REST_LEFT_OUT = {
    "test_regrtest": "runs the whole regrtest machinery in subprocesses: minutes under CPython too",
    "test_peg_generator": "builds C extensions against CPython's build tree",
}


def rest_modules():
    listed = {m for mods in GROUPS.values() for m in mods}
    names = set()
    for n in os.listdir(TESTDIR):
        if not n.startswith("test_"):
            continue
        if n.endswith(".py"):
            names.add(n[:-3])
        elif os.path.isdir(os.path.join(TESTDIR, n)) and os.path.exists(os.path.join(TESTDIR, n, "__init__.py")):
            names.add(n)
    return sorted(names - listed - set(REST_LEFT_OUT))


GROUPS["rest"] = rest_modules()
# A module listed in two groups is run once and reported in the first group that names it.

# Modules that take long under CPython already: started first so the pool drains evenly.
SLOW_FIRST = ["test_asyncio", "test_multiprocessing_fork", "test_concurrent_futures",
              "test_multiprocessing_spawn", "test_multiprocessing_forkserver", "test_email", "test_lib2to3",
              "test_io", "test_socket", "test_decimal", "test_subprocess", "test_signal",
              "test_threading", "test_pickle", "test_logging", "test_os", "test_importlib",
              "test_itertools", "test_zipfile", "test_re", "test_descr", "test_inspect"]

# Tests left out under both interpreters, by substring of the test id, with the reason: they hang
# or cannot work on this kind of machine even under CPython, and would cut the module short.
EXCLUDE = {
    "test_socket": (["ThreadedVSOCKSocketStreamTest"],
                    "AF_VSOCK sockets exist here but nothing answers: hangs under CPython too"),
}

# Per-module timeouts (seconds) that replace --timeout when larger: packages with thousands of tests.
TIMEOUTS = {"test_asyncio": 900}

# test.support resources enabled (regrtest's -u). "network", "cpu", "largefile", "urlfetch",
# "decimal" (the full arithmetic suite), "walltime", "gui", "audio" stay off, as in regrtest's
# default run.
DEFAULT_RESOURCES = "subprocess"

# Pure-Python projects, pinned. path: what goes first on PYTHONPATH (relative to the tree);
# args: pytest arguments; files: files the project's build would generate (written before the run).
PROJECTS = [
    dict(repo="benjaminp/six", commit="c8e394065cd541a16c040515dc0afb85cf22a7c3",
         path=".", args=["test_six.py"]),
    dict(repo="more-itertools/more-itertools", commit="2fe1b2eeb9d75f994113fe3ac76d14b6bcd6fb10",
         path=".", args=["tests"]),
    dict(repo="pytoolz/toolz", commit="568c2b8393973cd172a466546c9d95779c452438",
         path=".", args=["toolz"]),
    dict(repo="kjd/idna", commit="6ebfaab9ea718dce38a7c17ddafd7fb28b0468d4",
         path=".", args=["tests"]),
    dict(repo="hukkin/tomli", commit="920e20b1cf495b63f6d4a6aa3cd5e4ff25f5f5a7",
         path="src", args=["tests"]),
    dict(repo="grantjenks/python-sortedcontainers",
         commit="3ac358631f58c1347f1d6d2d92784117db0f38ed", path="src",
         args=["tests", "--ignore", "tests/benchmark.py", "--ignore", "tests/benchmark_plot.py",
               "--ignore", "tests/benchmark_sorteddict.py"]),
    dict(repo="tkem/cachetools", commit="28d4506f2a49d781ffbcecb095fa7aba5bb80aff",
         path="src", args=["tests"]),
    dict(repo="r1chardj0n3s/parse", commit="738447715c76f8ebc460b33320307faccafbc599",
         path=".", args=["tests"]),
    dict(repo="astanin/python-tabulate", commit="268615a5c27dc40e5c22454c07b44d5c50410da0",
         path=".", args=["test"]),
    dict(repo="jpvanhal/inflection", commit="88eefaacf7d0caaa701af7c8ab2d0ab3f17086f1",
         path=".", args=["test_inflection.py"]),
    dict(repo="mahmoud/boltons", commit="967864f89791509f9eb36b22b4579d36b72a6df2",
         path=".", args=["tests"]),
    dict(repo="gweis/isodate", commit="17cb25eb7bc3556a68f3f7b241313e9bb8b23760",
         path="src", args=["tests"],
         files={"src/isodate/version.py": 'version = "0.7.2"\n'}),  # written by setuptools_scm
    dict(repo="python-semver/python-semver", commit="d8813b67a2ec5d579365f51a6d8f96d02f3fcbc3",
         path="src", args=["tests"]),
    dict(repo="jquast/wcwidth", commit="614156bc9cb54d5c552abec07a09d72b8df4f841",
         path=".", args=["tests"]),
]
# Common pytest options, for both interpreters: the projects' own addopts name coverage plugins
# that are not installed. pytest's own plugins (faulthandler included) stay on, as a user has them.
PYTEST_OPTS = ["-o", "addopts=", "-p", "no:cacheprovider", "-v",
               "-o", "console_output_style=classic"]

TARGETS = {"core": 97.0, "library": 90.0, "projects": 95.0}
STATUS_OK = "ok"

# ---------------------------------------------------------------------------------------------


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def signame(rc):
    try:
        return signal.Signals(-rc).name
    except Exception:
        return "signal %d" % -rc


def run_process(cmd, cwd, env, timeout, stdout_path):
    """Runs cmd in its own process group; returns (returncode or None on timeout, seconds)."""
    for _ in range(60):  # the interpreter may be mid-reinstall: wait up to 5 minutes
        if os.access(cmd[0], os.X_OK):
            break
        time.sleep(5)
    t0 = time.monotonic()
    with open(stdout_path, "wb") as out:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            rc = None
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()
    # a test may have left its own process group behind; ours is gone with the leader's group
    return rc, time.monotonic() - t0


def tail_error(text):
    """The most telling line of an interpreter's dying words: the last 'XError: ...' line."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    for l in reversed(lines):
        l2 = re.sub(r"^(INTERNALERROR>|E)\s+", "", l)
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b(:|$)", l2):
            return l2[:300]
    for l in reversed(lines):
        if not re.match(r"^\S+\.py::", l) and re.search(r"Fatal|fatal|Abort|abort|Segmentation|Assertion|terminate", l):
            return l[:300]
    return ""


def unesc(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# CPython regression modules


def run_module(interp, module, timeout, resources, logdir, tag, restarts):
    """Runs a module; after a crash or a hang, resumes it (up to `restarts` times) without the
    tests already done and the one that crashed or hung, so the rest of the module still counts.
    The crashing or hanging test is recorded with status "crash" or "hang"."""
    abnormal = ("crash", "hang", "exit")
    rec = run_module_once(interp, module, timeout, resources, logdir, tag, set(), 0)
    last, attempt = rec, 0
    while last["status"] in abnormal:
        bad = last.get("running")
        if bad:
            rec["tests"][bad] = [last["status"], last["note"]]
        if attempt >= restarts or (not bad and not last["tests"]):
            break  # out of restarts, or it died before any test: it would only die again
        attempt += 1
        last = run_module_once(interp, module, timeout, resources, logdir, tag, set(rec["tests"]), attempt)
        new = {t: v for t, v in last["tests"].items() if t not in rec["tests"]}
        rec["tests"].update(new)
        rec["fixtures"] += last["fixtures"]
        rec["seconds"] = round(rec["seconds"] + last["seconds"], 1)
        rec["note"] += " | resumed: %d more tests, %s%s" % (
            len(new), last["status"], (" " + last["note"]) if last["note"] else "")
        if not new and not last.get("running"):
            break
    return rec


def run_module_once(interp, module, timeout, resources, logdir, tag, skip, attempt):
    scratch = tempfile.mkdtemp(prefix="gilpy-conf-%s-%s-" % (module, tag))
    results = os.path.join(scratch, "results.tsv")
    work = os.path.join(scratch, "cwd")
    tmp = os.path.join(scratch, "tmp")
    os.makedirs(work)
    os.makedirs(tmp)
    env = dict(os.environ)
    for k in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS"):
        env.pop(k, None)
    env.update(TMPDIR=tmp, LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8",
               CONFORMANCE_EXCLUDE=",".join(EXCLUDE.get(module, ([], ""))[0]))
    if skip:
        skipfile = os.path.join(scratch, "skip.txt")
        with open(skipfile, "w", encoding="utf-8") as f:
            f.write("".join(t + "\n" for t in sorted(skip)))
        env["CONFORMANCE_SKIP_FILE"] = skipfile
    logpath = os.path.join(logdir, "%s.%s%s.log" % (module, tag, ".%d" % attempt if attempt else ""))
    rc, secs = run_process([interp, DRIVER, "test." + module, results, resources],
                           work, env, timeout, logpath)
    rec = dict(status="ok", note="", last_test="", returncode=rc, seconds=round(secs, 1),
               tests={}, fixtures=[], loader=[])
    done = False
    started = None
    lines = []
    if os.path.exists(results):
        with open(results, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    for line in lines:
        parts = [unesc(p) for p in line.split("\t")]
        kind = parts[0]
        if kind == "start":
            started = parts[1]
        elif kind == "result" and len(parts) >= 4:
            rec["tests"][parts[1]] = [parts[2], parts[3]]
            rec["last_test"] = parts[1]
            started = None
        elif kind == "fixture" and len(parts) >= 4:
            rec["fixtures"].append([parts[1], parts[2], parts[3]])
        elif kind == "loader":
            rec["loader"].append(parts[1])
        elif kind == "import_error":
            rec["status"], rec["note"] = "import error", parts[1]
        elif kind == "module_skip":
            rec["status"], rec["note"] = "skipped", parts[1]
        elif kind == "note":
            rec["note"] = (rec["note"] + "; " if rec["note"] else "") + parts[1]
        elif kind == "done":
            done = True
        elif kind == "excluded":
            rec.setdefault("excluded", []).append(parts[1])
    if started:
        rec["last_test"] = started
    rec["running"] = started if not done else None
    try:
        with open(logpath, "rb") as f:
            f.seek(0, 2)
            f.seek(max(0, f.tell() - 20000))
            logtail = f.read().decode("utf-8", "replace")
    except OSError:
        logtail = ""
    where = (" in " + started) if started else (" after " + rec["last_test"] if rec["last_test"] else "")
    if rec["status"] == "import error":
        pass
    elif not done:
        if rc is None:
            rec["status"] = "hang"
            rec["note"] = "timeout after %ds%s" % (timeout, where)
        elif rc < 0:
            rec["status"] = "crash"
            rec["note"] = "%s%s; %s" % (signame(rc), where, tail_error(logtail))
        else:
            rec["status"] = "exit"
            rec["note"] = "exit status %d%s; %s" % (rc, where, tail_error(logtail))
    else:
        if rc is None:
            rec["note"] = (rec["note"] + "; " if rec["note"] else "") + "hangs at exit (killed after %ds)" % timeout
        elif rc < 0:
            rec["note"] = (rec["note"] + "; " if rec["note"] else "") + "%s at exit" % signame(rc)
        elif rc != 0:
            rec["note"] = (rec["note"] + "; " if rec["note"] else "") + "exit status %d at exit: %s" % (rc, tail_error(logtail))
    shutil.rmtree(scratch, ignore_errors=True)
    return rec


# ---------------------------------------------------------------------------------------------
# Projects under pytest


def project_key(spec):
    return spec["repo"].replace("/", "+")


def project_name(spec):
    return spec["repo"].split("/")[1]


def ensure_snapshot(spec, cache, mirror):
    """Returns (tree path, None) or (None, reason)."""
    key = project_key(spec)
    commit = spec["commit"]
    dest = os.path.join(cache, "%s-%s" % (key, commit[:12]))
    if os.path.isfile(os.path.join(dest, ".conformance-complete")):
        return dest, None
    gitdir = os.path.join(mirror, key, "repo")
    if not os.path.isdir(gitdir):
        return None, ("snapshot not found: neither %s nor a mirror git dir %s (fetch %s and "
                      "make sure it contains commit %s)" % (dest, gitdir, spec["repo"], commit))
    ok = subprocess.run(["git", "--git-dir", gitdir, "cat-file", "-e", commit + "^{commit}"],
                        stderr=subprocess.DEVNULL).returncode == 0
    if not ok:
        return None, "mirror %s lacks the pinned commit %s" % (gitdir, commit)
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    arch = subprocess.Popen(["git", "--git-dir", gitdir, "archive", commit], stdout=subprocess.PIPE)
    tar = subprocess.run(["tar", "-x", "-C", dest], stdin=arch.stdout)
    arch.stdout.close()
    if arch.wait() != 0 or tar.returncode != 0:
        return None, "could not extract %s from %s" % (commit, gitdir)
    with open(os.path.join(dest, ".conformance-complete"), "w") as f:
        f.write("%s %s\n" % (spec["repo"], commit))
    return dest, None


def parse_junit(path):
    tests = {}
    root = ET.parse(path).getroot()
    for tc in root.iter("testcase"):
        tid = "%s::%s" % (tc.get("classname", ""), tc.get("name", ""))
        status, msg = "ok", ""
        for child in tc:
            tag = child.tag
            m = (child.get("message") or (child.text or "")).strip().splitlines()
            m = m[0][:300] if m else ""
            if tag == "failure":
                status, msg = "fail", m
            elif tag == "error":
                status, msg = "error", m
            elif tag == "skipped":
                status = "xfail" if child.get("type") == "pytest.xfail" else "skip"
                msg = m
        if tid in tests:
            # an error in teardown adds a second testcase element for the same test
            if tests[tid][0] == "ok" or status in ("fail", "error"):
                tests[tid] = [status, msg] if status != "ok" else tests[tid]
        else:
            tests[tid] = [status, msg]
    return tests


def nodeid_to_id(nodeid):
    """pytest's junit naming (junitxml.mangle_test_address): 'classname::name'."""
    path, bracket, params = nodeid.partition("[")
    names = path.split("::")
    names[0] = re.sub(r"\.py$", "", names[0].replace("/", "."))
    names[-1] += bracket + params
    return "%s::%s" % (".".join(names[:-1]), names[-1])


VERBOSE_STATUS = {"PASSED": "ok", "FAILED": "fail", "SKIPPED": "skip", "ERROR": "error",
                  "XFAIL": "xfail", "XPASS": "xpass"}


def parse_verbose(text):
    """Per-test outcomes from pytest -v output (used when no junit file was written: a crash or a
    hang), and the test that was running at the end. Returns (tests, nodeids, running nodeid)."""
    tests, nodeids, running = {}, {}, None
    for l in text.splitlines():
        m = re.match(r"^(\S+\.py::.*?) (PASSED|FAILED|SKIPPED|ERROR|XFAIL|XPASS)\b", l)
        if m:
            tid = nodeid_to_id(m.group(1))
            st = VERBOSE_STATUS[m.group(2)]
            if tid not in tests or st in ("fail", "error"):
                tests[tid] = [st, ""]
            nodeids[tid] = m.group(1)
            running = None
            continue
        m = re.match(r"^(\S+\.py::\S.*?)\s*$", l)
        if m and "::" in m.group(1):
            running = m.group(1)
    return tests, nodeids, running


def run_project(interp, spec, tree, timeout, logdir, tag, extra_path, restarts):
    """Runs a project's suite; after a crash or hang, resumes it (up to `restarts` times) with the
    tests already done and the one that crashed or hung deselected."""
    abnormal = ("crash", "hang", "exit")
    rec = run_project_once(interp, spec, tree, timeout, logdir, tag, extra_path, [], 0)
    last, attempt = rec, 0
    while last["status"] in abnormal:
        bad = last.get("running")
        if bad:
            rec["tests"][nodeid_to_id(bad)] = [last["status"], last["note"]]
            rec["nodeids"][nodeid_to_id(bad)] = bad
        if attempt >= restarts or not bad:
            break
        attempt += 1
        last = run_project_once(interp, spec, tree, timeout, logdir, tag, extra_path,
                                sorted(rec["nodeids"].values()), attempt)
        new = {t: v for t, v in last["tests"].items() if t not in rec["tests"]}
        rec["tests"].update(new)
        rec["nodeids"].update(last.get("nodeids", {}))
        rec["seconds"] = round(rec["seconds"] + last["seconds"], 1)
        rec["note"] += " | resumed: %d more tests, %s%s" % (
            len(new), last["status"], (" " + last["note"]) if last["note"] else "")
        if not new and not last.get("running"):
            break
    rec.pop("nodeids", None)
    return rec


def run_project_once(interp, spec, tree, timeout, logdir, tag, extra_path, deselect, attempt):
    scratch = tempfile.mkdtemp(prefix="gilpy-conf-%s-%s-" % (project_name(spec), tag))
    xml = os.path.join(scratch, "junit.xml")
    tmp = os.path.join(scratch, "tmp")
    os.makedirs(tmp)
    env = dict(os.environ)
    for k in ("PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS"):
        env.pop(k, None)
    pp = [os.path.join(tree, spec["path"])] + extra_path
    env.update(PYTHONPATH=os.pathsep.join(pp), TMPDIR=tmp, LANG="C.UTF-8", LC_ALL="C.UTF-8",
               PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    for rel, text in spec.get("files", {}).items():
        p = os.path.join(tree, rel)
        if not os.path.exists(p):
            with open(p, "w") as f:
                f.write(text)
    logpath = os.path.join(logdir, "project-%s.%s%s.log" % (project_name(spec), tag,
                                                          ".%d" % attempt if attempt else ""))
    cmd = [interp, "-m", "pytest"] + PYTEST_OPTS + ["--junitxml=" + xml] + spec["args"]
    for nodeid in deselect:
        cmd += ["--deselect", nodeid]
    rc, secs = run_process(cmd, tree, env, timeout, logpath)
    rec = dict(status="ok", note="", last_test="", returncode=rc, seconds=round(secs, 1), tests={},
               nodeids={}, running=None)
    try:
        with open(logpath, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        text = ""
    vtests, vnodeids, running = parse_verbose(text)
    rec["nodeids"] = vnodeids
    if os.path.exists(xml):
        try:
            rec["tests"] = parse_junit(xml)
        except ET.ParseError as e:
            rec["status"], rec["note"] = "error", "bad junit xml: %s" % e
        if rc is not None and rc < 0:
            rec["note"] = "%s at exit" % signame(rc)
        elif rc == 2:
            # collection errors: pytest ran nothing (junit has only the collection errors)
            rec["status"] = "interrupted"
            rec["note"] = "pytest interrupted (collection errors): %s" % tail_error(text)
        elif rc not in (0, 1):
            rec["note"] = "pytest exit status %s: %s" % (rc, tail_error(text))
    else:
        rec["tests"] = vtests
        rec["running"] = running
        rec["last_test"] = running or ""
        where = (" in " + running) if running else ""
        if rc is None:
            rec["status"], rec["note"] = "hang", "timeout after %ds%s" % (timeout, where)
        elif rc < 0:
            rec["status"], rec["note"] = "crash", "%s%s; %s" % (signame(rc), where, tail_error(text))
        elif vtests or running:
            rec["status"], rec["note"] = "exit", "pytest exit status %d%s; %s" % (rc, where, tail_error(text))
        else:
            rec["status"], rec["note"] = "no start", "pytest does not start: %s" % tail_error(text)
    shutil.rmtree(scratch, ignore_errors=True)
    return rec


# ---------------------------------------------------------------------------------------------
# Reporting


def compare(cp, gp):
    """(CPython-passed ids, gilpy-passed among them)."""
    cok = {t for t, (s, _) in cp.get("tests", {}).items() if s == STATUS_OK}
    gtests = gp.get("tests", {}) if gp else {}
    gok = {t for t in cok if gtests.get(t, ["missing"])[0] == STATUS_OK}
    return cok, gok


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def failure_reasons(entries):
    """Counts gilpy's reasons over tests CPython passes and gilpy does not. entries: list of
    (unit name, cpython record, gilpy record)."""
    counts = {}
    for name, cp, gp in entries:
        cok, gok = compare(cp, gp)
        gtests = gp.get("tests", {}) if gp else {}
        for t in cok - gok:
            st, msg = gtests.get(t, ["missing", ""])
            if st == "missing":
                msg = missing_reason(t, gp)
            elif st == "skip":
                msg = "(skipped) " + msg
            elif st == "xfail":
                msg = "(expected failure) " + msg
            key = norm_msg(msg or st)
            c = counts.setdefault(key, [0, set()])
            c[0] += 1
            c[1].add(name)
    return sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))


def missing_reason(test_id, gp):
    """Why a test CPython passed has no result under gilpy."""
    if not gp:
        return "(not run)"
    if gp.get("status") not in ("ok", None):
        return ("(not run: module %s) %s" % (gp["status"], gp.get("note", "")))[:200]
    for name, st, msg in gp.get("fixtures", []):
        m = re.match(r"^(\w+) \((.*)\)$", name)
        if st != "skip" and m and (test_id.startswith(m.group(2) + ".") or test_id == m.group(2)):
            return "(not run: %s failed) %s" % (m.group(1), msg)
    if "harness" in gp.get("note", ""):
        return "(not run: module run aborted) %s" % gp["note"]
    return "(not collected under gilpy: e.g. a class defined only when a C accelerator imports)"


def norm_msg(msg):
    # numbers and addresses vary between tests; keep the message recognisable
    msg = re.sub(r"0x[0-9a-fA-F]+", "0x…", msg)
    return msg[:160]


def md_escape(s):
    return s.replace("|", "\\|").replace("\n", " ")


def module_group(module):
    for g, mods in GROUPS.items():
        if module in mods:
            return g
    return "other"


def write_doc(data, path, argv_line):
    L = []
    A = L.append
    meta = data["meta"]
    A("# Conformance")
    A("")
    A("How much of code nobody on this project wrote runs under gilpy: CPython 3.11's own "
      "regression tests (`/usr/lib/python3.11/test`) and the test suites of pinned pure-Python "
      "projects under pytest. Each test counts once: of the tests CPython (`%s`) passes, how many "
      "gilpy passes. A test skipped, failed, errored, not run or cut short by a crash under gilpy "
      "counts as not passed." % meta["cpython"])
    A("")
    A("## How to run")
    A("")
    A("```sh")
    A("make conformance                                   # everything (installs libpython3.11-testsuite, python3-pytest)")
    A("python3 tools/conformance.py --gilpy dist/bin/gilpy --only test_int,test_list")
    A("python3 tools/conformance.py --group core          # or library; --cpython-only; --projects-only")
    A("python3 tools/conformance.py --diff build/conformance/results-OLD.json   # tests that changed")
    A("```")
    A("")
    A("Each CPython test module runs in its own process (`tools/conformance_unittest.py`, a "
      "unittest runner that records every test's outcome as it happens, with regrtest's settings: "
      "`support.verbose = 0`, resources `%s` only) from a fresh scratch directory, with a "
      "timeout of %d s per module; `-j %d`. Projects run `python -m pytest %s --junitxml=...` in their tree, with "
      "their source directory first on `PYTHONPATH` (and, for gilpy only, `%s` after it when "
      "gilpy cannot import pytest otherwise). Raw per-test results: `%s` (not in git)."
      % (meta["resources"], meta["timeout"], meta["jobs"], " ".join(PYTEST_OPTS),
         DIST_PACKAGES, meta["results_file"]))
    A("")
    if EXCLUDE:
        A("Left out under both interpreters: " + "; ".join(
            "%s: %s (%s)" % (m, ", ".join(p), why) for m, (p, why) in EXCLUDE.items()) + ".")
        A("")
    merged = "--merge" in argv_line
    A("%s: %s, `%s`, gilpy `%s` (%s), %s; total time %s."
      % ("Last run (its modules replaced those of the earlier full run; the date and total time "
         "are the earlier run's)" if merged else "This run",
         meta["date"], argv_line, meta["gilpy"], meta.get("gilpy_mtime", "?"),
         meta["cpython_version"], meta["elapsed_hms"]))
    A("")
    A("Objects freed at once: CPython frees an object when its last reference goes; gilpy frees it "
      "when its collector runs. Tests that check an object is gone right after `del` without calling "
      "`gc.collect()` (`test.support.gc_collect()` does call it), or that expect `__del__`/weakref "
      "callbacks to have run by then, fail under gilpy and are counted as failed, not passed. "
      "`gc.collect()` itself frees what is unreachable, except that the first collection of a process "
      "can still see a stale native-stack word (docs/decisions/0014-gc-collect-precision.md).")
    A("")
    A("## Summary")
    A("")
    A("| group | tests CPython passes | gilpy passes | % | target |")
    A("|---|---:|---:|---:|---:|")
    for g, (c, k) in data["summary"].items():
        A("| %s | %d | %d | %.1f%% | %s |" % (g, c, k, pct(k, c),
                                           ("≥%d%%" % TARGETS[g]) if g in TARGETS else ""))
    A("")
    crashers = [(m, r) for m, r in data["modules"].items()
                if r.get("gilpy") and r["gilpy"]["status"] not in ("ok",)]
    crashers += [("project " + p, r) for p, r in data["projects"].items()
                 if r.get("gilpy") and r["gilpy"]["status"] not in ("ok",)]
    if crashers:
        A("## Modules and projects that do not finish under gilpy")
        A("")
        A("Crashes (with the signal and the test that was running), hangs (killed at the timeout), "
          "import errors and modules that skip themselves: the first bugs to fix.")
        A("")
        A("| module | status | where / error |")
        A("|---|---|---|")
        for m, r in crashers:
            A("| %s | %s | %s |" % (m, r["gilpy"]["status"], md_escape(r["gilpy"]["note"])))
        A("")
    A("## Most common reasons gilpy misses a test CPython passes")
    A("")
    A("| tests | modules | first line of the error under gilpy |")
    A("|---:|---:|---|")
    for msg, (n, mods) in data["reasons"][:25]:
        A("| %d | %d | %s |" % (n, len(mods), md_escape(msg)))
    A("")
    A("## CPython test modules")
    A("")
    A("Status notes: gilpy's status when the module did not finish normally (crash with the signal "
      "and the running test, hang, import error), else the most frequent error among the tests "
      "gilpy misses.")
    A("")
    for g in GROUPS:
        A("### %s" % g)
        A("")
        A("| module | CPython ok | gilpy ok | % | gilpy s | CPython s | notes |")
        A("|---|---:|---:|---:|---:|---:|---|")
        for m, r in data["modules"].items():
            if r["group"] != g:
                continue
            cp, gp = r.get("cpython"), r.get("gilpy")
            if not cp or not gp:
                continue
            cok, gok = compare(cp, gp)
            note = ""
            if gp["status"] != "ok":
                note = "**%s**: %s" % (gp["status"], gp["note"])
            else:
                rs = failure_reasons([(m, cp, gp)])
                if rs:
                    note = "%s (%d)" % (rs[0][0], rs[0][1][0])
                if gp["note"]:
                    note = gp["note"] + ("; " + note if note else "")
            if cp["status"] != "ok" or cp["note"]:
                note += " [CPython: %s %s]" % (cp["status"], cp["note"])
            A("| %s | %d | %d | %.1f%% | %.0f | %.0f | %s |" % (
                m, len(cok), len(gok), pct(len(gok), len(cok)), gp["seconds"], cp["seconds"],
                md_escape(note)))
        A("")
    A("## Projects (pytest)")
    A("")
    runs = [r.get("gilpy") for r in data["projects"].values() if r.get("gilpy")]
    started = [g for g in runs if g["status"] != "no start"]
    A("pytest (Debian's %s) under gilpy: starts in %d of %d projects, runs to the end in %d%s." % (
          "python3-pytest", len(started), len(runs),
          sum(1 for g in runs if g["status"] == "ok"),
          "; `%s` was put on gilpy's PYTHONPATH" % DIST_PACKAGES
          if data["meta"].get("gilpy_pythonpath_extra") else ""))
    A("")
    A("| project | commit | CPython passed | gilpy passed | % | notes |")
    A("|---|---|---:|---:|---:|---|")
    for p, r in data["projects"].items():
        cp, gp = r.get("cpython"), r.get("gilpy")
        if r.get("skipped"):
            A("| %s | %s | | | | skipped: %s |" % (r["repo"], r["commit"][:12], md_escape(r["skipped"])))
            continue
        if not cp or not gp:
            continue
        cok, gok = compare(cp, gp)
        note = ""
        if gp["status"] != "ok":
            note = "**%s**: %s" % (gp["status"], gp["note"])
        else:
            rs = failure_reasons([(p, cp, gp)])
            if rs:
                note = "%s (%d)" % (rs[0][0], rs[0][1][0])
        if cp["status"] != "ok":
            note += " [CPython: %s %s]" % (cp["status"], cp["note"])
        A("| %s | %s | %d | %d | %.1f%% | %s |" % (r["repo"], r["commit"][:12], len(cok), len(gok),
                                                 pct(len(gok), len(cok)), md_escape(note)))
    A("")
    with open(path, "w") as f:
        f.write("\n".join(L))


def summarize(data):
    """Fills data["summary"] (group -> [CPython-passed, gilpy-passed]) and data["reasons"]."""
    summary = {}
    entries_by_group = {}
    for m, r in data["modules"].items():
        if "cpython" not in r or "gilpy" not in r:
            continue
        cok, gok = compare(r["cpython"], r["gilpy"])
        s = summary.setdefault(r["group"], [0, 0])
        s[0] += len(cok)
        s[1] += len(gok)
        entries_by_group.setdefault(r["group"], []).append((m, r["cpython"], r["gilpy"]))
    for p, r in data["projects"].items():
        if "cpython" not in r or "gilpy" not in r:
            continue
        cok, gok = compare(r["cpython"], r["gilpy"])
        s = summary.setdefault("projects", [0, 0])
        s[0] += len(cok)
        s[1] += len(gok)
        entries_by_group.setdefault("projects", []).append(("project " + p, r["cpython"], r["gilpy"]))
    data["summary"] = {g: summary[g] for g in list(GROUPS) + ["projects"] if g in summary}
    all_entries = [e for es in entries_by_group.values() for e in es]
    data["reasons"] = [(msg, (n, sorted(mods))) for msg, (n, mods) in failure_reasons(all_entries)]



def diff_results(old, new):
    changed = 0
    for kind in ("modules", "projects"):
        for name in sorted(set(old.get(kind, {})) & set(new.get(kind, {}))):
            o = old[kind][name].get("gilpy") or {}
            n = new[kind][name].get("gilpy") or {}
            ot, nt = o.get("tests", {}), n.get("tests", {})
            lost = sorted(t for t in ot if ot[t][0] == STATUS_OK and nt.get(t, ["missing"])[0] != STATUS_OK)
            won = sorted(t for t in nt if nt[t][0] == STATUS_OK and ot.get(t, ["missing"])[0] != STATUS_OK)
            if o.get("status") != n.get("status"):
                print("%s: status %s -> %s %s" % (name, o.get("status"), n.get("status"), n.get("note", "")))
            for t in lost:
                print("  pass -> %s  %s  %s" % (nt.get(t, ["missing"])[0], t, nt.get(t, ["", ""])[1]))
            for t in won:
                print("  %s -> pass  %s" % (ot.get(t, ["missing"])[0], t))
            changed += len(lost) + len(won)
    print("%d tests changed under gilpy" % changed)


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gilpy", default=os.path.join(ROOT, "dist", "bin", "gilpy"))
    ap.add_argument("--cpython", default="/usr/bin/python3.11")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=300, help="seconds per module or project run")
    ap.add_argument("--only", default="", help="comma-separated test modules and/or project names")
    ap.add_argument("--group", choices=sorted(GROUPS), help="only this group of CPython modules")
    ap.add_argument("--cpython-only", action="store_true", help="only CPython's regression tests")
    ap.add_argument("--projects-only", action="store_true", help="only the projects")
    ap.add_argument("--resources", default=DEFAULT_RESOURCES)
    ap.add_argument("--restarts", type=int, default=2,
                    help="resume a module this many times after a crash or hang (0: never)")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "conformance"))
    ap.add_argument("--doc", default=None, help="markdown report (default docs/conformance.md on a full run)")
    ap.add_argument("--cache", default=os.path.expanduser("~/.cache/gilpy-conformance"))
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--diff", metavar="OLD.json", help="print tests that changed against OLD.json")
    ap.add_argument("--compare", metavar="NEW.json", help="with --diff: compare two files, run nothing")
    ap.add_argument("--merge", action="store_true",
                    help="merge this (partial) run into OUT/results.json and rewrite the report")
    ap.add_argument("--report-only", action="store_true",
                    help="run nothing: rewrite the report from OUT/results.json")
    args = ap.parse_args()

    if args.merge and not os.path.exists(os.path.join(args.out, "results.json")):
        # Checked before running: a merge found impossible only at the end lost the whole run.
        print("conformance: --merge needs an earlier full run's %s (run without --merge first)"
              % os.path.join(args.out, "results.json"), file=sys.stderr)
        return 2

    if args.report_only:
        path = os.path.join(args.out, "results.json")
        with open(path) as f:
            data = json.load(f)
        summarize(data)
        doc = args.doc or os.path.join(ROOT, "docs", "conformance.md")
        write_doc(data, doc, data["meta"].get("argv_line", "python3 tools/conformance.py"))
        print("report: %s (from %s)" % (doc, path))
        return 0

    if args.diff and args.compare:
        with open(args.diff) as f:
            old = json.load(f)
        with open(args.compare) as f:
            new = json.load(f)
        diff_results(old, new)
        return 0

    gilpy = os.path.abspath(args.gilpy)
    for exe in (gilpy, args.cpython):
        if not os.access(exe, os.X_OK):
            log("conformance: %s is not an executable" % exe)
            return 2
    if not os.path.isdir(TESTDIR) or not os.path.exists(os.path.join(TESTDIR, "test_int.py")):
        log("conformance: %s is missing: apt-get install libpython3.11-testsuite" % TESTDIR)
        return 2

    only = [s for s in args.only.split(",") if s]
    full = not (only or args.group or args.cpython_only or args.projects_only)
    modules, seen = [], set()
    for g, mods in GROUPS.items():
        if args.group and g != args.group:
            continue
        for m in mods:
            if m in seen:
                continue
            seen.add(m)
            if only and m not in only:
                continue
            if not (os.path.exists(os.path.join(TESTDIR, m + ".py")) or
                    os.path.isdir(os.path.join(TESTDIR, m))):
                log("conformance: %s is not in %s; skipped" % (m, TESTDIR))
                continue
            modules.append((m, g))
    if args.projects_only:
        modules = []
    projects = [] if (args.cpython_only or args.group) else \
        [p for p in PROJECTS if not only or project_name(p) in only or p["repo"] in only]
    for o in only:
        if o not in seen and not any(o in (project_name(p), p["repo"]) for p in PROJECTS):
            log("conformance: %s is neither a listed test module nor a project" % o)

    os.makedirs(args.out, exist_ok=True)
    logdir = os.path.join(args.out, "logs")
    os.makedirs(logdir, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    cpver = subprocess.run([args.cpython, "-c", "import sys; print(sys.version.split()[0])"],
                           capture_output=True, text=True).stdout.strip()
    try:
        gmtime = datetime.datetime.fromtimestamp(os.stat(gilpy).st_mtime).strftime("%Y-%m-%d %H:%M")
        gmtime = "built " + gmtime
    except OSError:
        gmtime = "?"
    t_start = time.monotonic()

    # pytest for gilpy: Debian's pytest lives in dist-packages; add it if gilpy needs it.
    gilpy_extra = []
    if projects:
        probe = subprocess.run([gilpy, "-c", "import pytest"], capture_output=True, text=True,
                               cwd=tempfile.gettempdir(), timeout=120)
        if probe.returncode != 0:
            gilpy_extra = [DIST_PACKAGES]
        probe = subprocess.run([args.cpython, "-c", "import pytest"], capture_output=True)
        if probe.returncode != 0:
            log("conformance: %s cannot import pytest: apt-get install python3-pytest" % args.cpython)
            return 2

    data = dict(meta=dict(date=datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), gilpy=gilpy,
                          gilpy_mtime=gmtime, cpython=args.cpython, cpython_version="CPython " + cpver,
                          timeout=args.timeout, jobs=args.jobs, resources=args.resources,
                          results_file=os.path.relpath(os.path.join(args.out, "results.json"), ROOT),
                          gilpy_pythonpath_extra=gilpy_extra),
                modules={}, projects={})
    for m, g in modules:
        data["modules"][m] = dict(group=g)

    jobs = []
    order = {m: i for i, m in enumerate(SLOW_FIRST)}
    for m, g in sorted(modules, key=lambda mg: order.get(mg[0], len(order))):
        for tag, interp in (("gilpy", gilpy), ("cpython", args.cpython)):
            jobs.append(("module", m, tag, interp))
    for spec in projects:
        name = project_name(spec)
        entry = dict(repo=spec["repo"], commit=spec["commit"])
        data["projects"][name] = entry
        tree, why = ensure_snapshot(spec, args.cache, args.mirror)
        if tree is None:
            log("conformance: project %s skipped: %s" % (spec["repo"], why))
            entry["skipped"] = why
            continue
        entry["tree"] = tree
        for tag, interp in (("gilpy", gilpy), ("cpython", args.cpython)):
            jobs.append(("project", name, tag, interp, spec, tree))

    lock = threading.Lock()
    done_count = [0]

    def work(job):
        if job[0] == "module":
            _, m, tag, interp = job
            rec = run_module(interp, m, max(args.timeout, TIMEOUTS.get(m, 0)), args.resources, logdir,
                             tag, args.restarts)
            with lock:
                data["modules"][m][tag] = rec
        else:
            _, name, tag, interp, spec, tree = job
            rec = run_project(interp, spec, tree, args.timeout, logdir, tag,
                              gilpy_extra if tag == "gilpy" else [], args.restarts)
            with lock:
                data["projects"][name][tag] = rec
        with lock:
            done_count[0] += 1
            nok = sum(1 for s, _ in rec["tests"].values() if s == STATUS_OK)
            log("[%d/%d] %-28s %-7s %-12s %5d ok %6.1fs %s" % (
                done_count[0], len(jobs), job[1], tag, rec["status"], nok, rec["seconds"],
                rec["note"][:100]))

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for f in [pool.submit(work, j) for j in jobs]:
            f.result()

    elapsed = time.monotonic() - t_start
    data["meta"]["elapsed_s"] = round(elapsed)
    data["meta"]["elapsed_hms"] = "%dh%02dm%02ds" % (elapsed // 3600, elapsed % 3600 // 60, elapsed % 60)

    if args.merge:
        # replace only what this run measured in the last full results, then report on the whole
        prev_path = os.path.join(args.out, "results.json")
        with open(prev_path) as f:
            prev = json.load(f)
        for kind in ("modules", "projects"):
            for name, entry in data[kind].items():
                prev[kind][name] = entry
        prev["meta"].setdefault("merged", []).append(
            "%s: %s (gilpy %s)" % (data["meta"]["date"], ", ".join(list(data["modules"]) + list(data["projects"])),
                                   data["meta"]["gilpy_mtime"]))
        data = prev
    summarize(data)
    out_json = os.path.join(args.out, "results.json")
    dated = os.path.join(args.out, "results-%s.json" % stamp)
    for p in (dated, out_json):
        with open(p, "w") as f:
            json.dump(data, f, indent=1, sort_keys=False)

    print()
    print("%-10s %8s %8s %7s %7s" % ("group", "CPython", "gilpy", "%", "target"))
    for g, (c, k) in data["summary"].items():
        print("%-10s %8d %8d %6.1f%% %7s" % (g, c, k, pct(k, c), ("%d%%" % TARGETS[g]) if g in TARGETS else ""))
    bad = [(m, r["gilpy"]) for m, r in data["modules"].items()
           if r.get("gilpy") and r["gilpy"]["status"] not in ("ok",)]
    bad += [(p, r["gilpy"]) for p, r in data["projects"].items()
            if r.get("gilpy") and r["gilpy"]["status"] not in ("ok",)]
    if bad:
        print("\nnot finished normally under gilpy:")
        for m, r in bad:
            print("  %-28s %-12s %s" % (m, r["status"], r["note"][:160]))
    print("\nresults: %s (and %s); total time %s" % (out_json, dated, data["meta"]["elapsed_hms"]))

    doc = args.doc or (os.path.join(ROOT, "docs", "conformance.md") if full or args.merge else None)
    if doc:
        argv_line = "python3 tools/conformance.py " + " ".join(
            a if not a.startswith("/") else os.path.relpath(a, ROOT) if a.startswith(ROOT) else a
            for a in sys.argv[1:])
        if not args.merge:
            data["meta"]["argv_line"] = argv_line.strip()
        write_doc(data, doc, data["meta"].get("argv_line", argv_line.strip()))
        print("report: %s" % doc)
    if args.diff:
        with open(args.diff) as f:
            old = json.load(f)
        print()
        diff_results(old, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
