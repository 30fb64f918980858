"""Runs one CPython regression-test module with unittest and records every test's outcome.

Run by the interpreter under test (gilpy or CPython), started by tools/conformance.py:

    INTERP tools/conformance_unittest.py test.test_int RESULTS_FILE [RESOURCES]

RESULTS_FILE gets one line per event, tab-separated, written and flushed as it happens so that a
crash or a hang still leaves everything up to the test that was running:

    start   TEST_ID                      a test begins
    result  TEST_ID STATUS MESSAGE       ok | fail | error | skip | xfail | xpass
    fixture NAME    STATUS MESSAGE       setUpClass/setUpModule errors and skips (no test id)
    loader  MESSAGE                      a submodule or load_tests that failed to load
    import_error MESSAGE                 the module itself failed to import
    module_skip  MESSAGE                 the module raised SkipTest on import
    note    MESSAGE
    excluded TEST_ID                     left out on the runner's request (CONFORMANCE_EXCLUDE)
    done    TESTS_RUN

Fields escape backslash, tab and newline. This mirrors what regrtest (python -m test) does for one
module (support.verbose = 0, resources limited to RESOURCES, test_main() honoured) without needing
faulthandler or regrtest's worker machinery.
"""
import os
import sys

_PID = os.getpid()
_OUT = None


def _esc(value):
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def emit(*fields):
    if _OUT is None or os.getpid() != _PID:  # never from a forked child
        return
    try:
        _OUT.write("\t".join(_esc(f) for f in fields) + "\n")
        _OUT.flush()
    except Exception:
        pass


def describe(err):
    """'ExcType: first line of the message', at most 300 characters."""
    etype, value = err[0], err[1]
    name = getattr(etype, "__qualname__", None) or getattr(etype, "__name__", "?")
    mod = getattr(etype, "__module__", "builtins")
    if mod not in ("builtins", "__main__", None):
        name = "%s.%s" % (mod, name)
    try:
        text = str(value)
    except BaseException:
        text = "<str() failed>"
    lines = [l for l in text.splitlines() if l.strip()]
    first = lines[0].strip() if lines else ""
    msg = "%s: %s" % (name, first) if first else name
    return msg[:300]


def main():
    global _OUT
    modname, out_path = sys.argv[1], sys.argv[2]
    resources = [r for r in (sys.argv[3] if len(sys.argv) > 3 else "").split(",") if r]
    _OUT = open(out_path, "w", encoding="utf-8", errors="backslashreplace")

    try:
        import importlib
        import unittest
        from test import support
    except BaseException as e:
        emit("import_error", "harness: " + describe(sys.exc_info()))
        return 2

    support.verbose = 0
    support.use_resources = resources
    support.failfast = False

    RANK = {"ok": 0, "skip": 1, "xfail": 1, "xpass": 2, "fail": 3, "error": 4}

    class Result(unittest.TestResult):
        def __init__(self):
            super().__init__()
            self.current = None
            self.seen = {}

        def _key(self, test):
            tid = test.id()
            n = self.seen.get(tid, 0) + 1
            self.seen[tid] = n
            return tid if n == 1 else "%s#%d" % (tid, n)

        def _set(self, status, msg=""):
            cur = self.current
            if cur is None:
                return
            if cur[1] is None or RANK[status] > RANK[cur[1]]:
                cur[1] = status
                cur[2] = msg

        def startTest(self, test):
            super().startTest(test)
            self.current = [self._key(test), None, ""]
            emit("start", self.current[0])

        def stopTest(self, test):
            super().stopTest(test)
            cur = self.current
            if cur is not None:
                emit("result", cur[0], cur[1] or "error", cur[2] or ("" if cur[1] else "no outcome"))
            self.current = None

        def _fixture(self, test, status, msg):
            emit("fixture", str(test), status, msg)

        def addSuccess(self, test):
            super().addSuccess(test)
            self._set("ok")

        def addError(self, test, err):
            super().addError(test, err)
            if isinstance(test, unittest.TestCase) and self.current is not None:
                self._set("error", describe(err))
            else:
                self._fixture(test, "error", describe(err))

        def addFailure(self, test, err):
            super().addFailure(test, err)
            if self.current is not None:
                self._set("fail", describe(err))
            else:
                self._fixture(test, "fail", describe(err))

        def addSkip(self, test, reason):
            super().addSkip(test, reason)
            if isinstance(test, unittest.TestCase) and self.current is not None:
                self._set("skip", str(reason)[:300])
            else:
                self._fixture(test, "skip", str(reason)[:300])

        def addExpectedFailure(self, test, err):
            super().addExpectedFailure(test, err)
            self._set("xfail", describe(err))

        def addUnexpectedSuccess(self, test):
            super().addUnexpectedSuccess(test)
            self._set("xpass", "unexpected success")

        def addSubTest(self, test, subtest, err):
            super().addSubTest(test, subtest, err)
            if err is not None:
                failed = issubclass(err[0], test.failureException)
                desc = subtest._subDescription() if hasattr(subtest, "_subDescription") else ""
                self._set("fail" if failed else "error", describe(err) + ("  " + desc if desc else ""))

    result = Result()

    # Tests the runner leaves out (tools/conformance.py EXCLUDE: ones that hang in this
    # environment under CPython too), by substring of the test id.
    exclude = [x for x in os.environ.get("CONFORMANCE_EXCLUDE", "").split(",") if x]
    # Tests a previous attempt at this module already finished, or crashed or hung in: when the
    # runner resumes a module after a crash or a hang, it names them here (one id a line).
    skip_ids = set()
    if os.environ.get("CONFORMANCE_SKIP_FILE"):
        with open(os.environ["CONFORMANCE_SKIP_FILE"], encoding="utf-8") as f:
            skip_ids = {l.rstrip("\n") for l in f if l.strip()}

    def drop_excluded(suite):
        if not (exclude or skip_ids) or not isinstance(suite, unittest.TestSuite):
            return suite
        kept = []
        for t in suite._tests:
            if isinstance(t, unittest.TestSuite):
                kept.append(drop_excluded(t))
            elif t.id() in skip_ids:
                pass
            elif not any(x in t.id() for x in exclude):
                kept.append(t)
            else:
                emit("excluded", t.id())
        suite._tests = kept
        return suite

    # An exception that escapes TestCase.run itself (CPython never lets one: gilpy may, e.g. from
    # IsolatedAsyncioTestCase's set-up) would abort the whole module; record it as that test's
    # error and go on with the next test, as if unittest had caught it.
    orig_call = unittest.TestCase.__call__

    def guarded_call(self, *args, **kwds):
        try:
            return orig_call(self, *args, **kwds)
        except Exception:
            err = sys.exc_info()
            if result.current is None:
                emit("start", self.id())
                emit("result", self.id(), "error", "escaped TestCase.run: " + describe(err))
            else:
                result.current[1] = "error"
                result.current[2] = "escaped TestCase.run: " + describe(err)
                emit("result", *result.current)
                result.current = None
            return None

    unittest.TestCase.__call__ = guarded_call

    def run_suite(suite):
        drop_excluded(suite).run(result)

    try:
        module = importlib.import_module(modname)
    except unittest.SkipTest as e:
        emit("module_skip", str(e)[:300])
        emit("done", 0)
        return 0
    except BaseException:
        emit("import_error", describe(sys.exc_info()))
        return 1

    try:
        if hasattr(module, "test_main") and not hasattr(module, "load_tests"):
            # Old-style modules (test_decimal): test_main() calls support.run_unittest, which builds
            # the suite and hands it to support._run_suite; run that suite with our result instead.
            support._run_suite = run_suite
            try:
                module.test_main()
            except unittest.SkipTest as e:
                emit("module_skip", str(e)[:300])
            except BaseException:
                emit("note", "test_main: " + describe(sys.exc_info()))
        else:
            loader = unittest.TestLoader()
            suite = loader.loadTestsFromModule(module)
            for err in getattr(loader, "errors", []):
                lines = [l for l in str(err).splitlines() if l.strip()]
                emit("loader", lines[-1][:300] if lines else "?")
            run_suite(suite)
    except BaseException:
        emit("note", "harness: " + describe(sys.exc_info()))
    emit("done", result.testsRun)
    return 0


if __name__ == "__main__":
    sys.exit(main())
