# Regenerates tests/cli/startup.json from /usr/bin/python3.11 (run: python3 tools/gen_cli_startup_cases.py); hand-written cases at the end.
import json, os, subprocess, sys
ORACLE = "/usr/bin/python3.11"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P = "import sys; print(sys.flags); print(sys.warnoptions, sys._xoptions)"
cases = [
 ("flags-many-options", ["-bb", "-B", "-d", "-E", "-O", "-OO", "-P", "-q", "-R", "-s", "-S", "-u", "-W", "error", "-X", "dev", "-X", "utf8", "-X", "a=b", "-X", "c", "-c", P], {}),
 ("flags-default", ["-c", P], {}),
 ("flags-isolated", ["-I", "-c", P], {}),
 ("flags-bytes-warning", ["-b", "-c", P], {}),
 ("warnoptions-order", ["-W", "error", "-Wonce", "-X", "dev", "-bb", "-c", P], {"PYTHONWARNINGS": "ignore,always::DeprecationWarning"}),
 ("warnoptions-invalid-reported", ["-c", "pass"], {"PYTHONWARNINGS": "x"}),
 ("env-flags", ["-c", P], {"PYTHONOPTIMIZE": "abc", "PYTHONVERBOSE": "0", "PYTHONDEBUG": "2", "PYTHONDONTWRITEBYTECODE": "0", "PYTHONNOUSERSITE": "1", "PYTHONSAFEPATH": "1", "PYTHONDEVMODE": "1", "PYTHONWARNDEFAULTENCODING": "1", "PYTHONUTF8": "1"}),
 ("env-ignored-under-E", ["-E", "-c", P + "; print('/nonexistent-pp' in sys.path)"], {"PYTHONOPTIMIZE": "2", "PYTHONNOUSERSITE": "1", "PYTHONSAFEPATH": "1", "PYTHONDEVMODE": "1", "PYTHONPATH": "/nonexistent-pp", "PYTHONHASHSEED": "abc"}),
 ("pythonpath-first", ["-c", "import sys; print(sys.path[:2])"], {"PYTHONPATH": "/nonexistent-a:/nonexistent-b"}),
 ("hashseed-zero", ["-c", "import sys; print(sys.flags.hash_randomization)"], {"PYTHONHASHSEED": "0"}),
 ("hashseed-bad", ["-c", "pass"], {"PYTHONHASHSEED": "abc"}),
 ("hashseed-too-big", ["-c", "pass"], {"PYTHONHASHSEED": "4294967296"}),
 ("intmaxstrdigits-env-bad", ["-c", "pass"], {"PYTHONINTMAXSTRDIGITS": "-5"}),
 ("intmaxstrdigits-env", ["-c", "import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())\ntry:\n    int('1' * 801)\nexcept ValueError as e:\n    print(e)"], {"PYTHONINTMAXSTRDIGITS": "800"}),
 ("intmaxstrdigits-x-wins", ["-X", "int_max_str_digits=0", "-c", "import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits(), len(str(10 ** 5000)))"], {"PYTHONINTMAXSTRDIGITS": "800"}),
 ("intmaxstrdigits-x-bad", ["-X", "int_max_str_digits=abc", "-c", "pass"], {}),
 ("intmaxstrdigits-x-novalue", ["-X", "int_max_str_digits", "-c", "pass"], {}),
 ("utf8-x-bad", ["-X", "utf8=2", "-c", "pass"], {}),
 ("utf8-env-bad", ["-c", "pass"], {"PYTHONUTF8": "2"}),
 ("malloc-env-bad", ["-c", "pass"], {"PYTHONMALLOC": "bad"}),
 ("malloc-env-ok", ["-c", "print('ok')"], {"PYTHONMALLOC": "malloc"}),
 ("frozen-modules-bad", ["-X", "frozen_modules=bad", "-c", "pass"], {}),
 ("tracemalloc-bad", ["-X", "tracemalloc=abc", "-c", "pass"], {}),
 ("xoptions-accepted", ["-X", "faulthandler", "-X", "no_debug_ranges", "-X", "frozen_modules=off", "-X", "warn_default_encoding", "-X", "whatever=1", "-c", "import sys; print(sorted(sys._xoptions.items()), sys.flags.warn_default_encoding)"], {}),
 ("pycache-prefix", ["-X", "pycache_prefix=/tmp/gilpy-pycache-test", "-c", "import sys; print(sys.pycache_prefix)"], {}),
 ("pycache-prefix-env", ["-c", "import sys; print(sys.pycache_prefix)"], {"PYTHONPYCACHEPREFIX": "/tmp/x-prefix"}),
 ("pycache-prefix-none", ["-X", "pycache_prefix", "-c", "import sys; print(sys.pycache_prefix)"], {}),
 ("unknown-short-option", ["-Z"], {}),
 ("unknown-long-option", ["--foo"], {}),
 ("check-hash-based-pycs-bad", ["--check-hash-based-pycs", "bad", "-c", "pass"], {}),
 ("check-hash-based-pycs-missing", ["--check-hash-based-pycs"], {}),
 ("check-hash-based-pycs-ok", ["--check-hash-based-pycs", "always", "-c", "print(1)"], {}),
 ("c-missing-argument", ["-c"], {}),
 ("X-missing-argument", ["-X"], {}),
 ("version", ["-V"], {}),
 ("version-long", ["--version"], {}),
 ("help-env", ["--help-env"], {}),
 ("double-dash-ends-options", ["--", "show_args.py", "-c", "x"], {}),
 ("optimize-O", ["-O", "opt_demo.py"], {}),
 ("optimize-OO", ["-OO", "opt_demo.py"], {}),
 ("optimize-none", ["opt_demo.py"], {}),
 ("optimize-env", ["opt_demo.py"], {"PYTHONOPTIMIZE": "1"}),
 ("skip-first-line", ["-x", "skip_first_line.py"], {}),
 ("safe-path", ["-P", "-c", "import sys; print(sys.path[0] != '', sys.flags.safe_path)"], {}),
 ("safe-path-env", ["-c", "import sys; print(sys.path[0] != '', sys.flags.safe_path)"], {"PYTHONSAFEPATH": "1"}),
 ("path0-command", ["-c", "import sys; print(repr(sys.path[0]))"], {}),
 ("ioencoding", ["-c", "import sys; print([(s.encoding, s.errors) for s in (sys.stdin, sys.stdout, sys.stderr)]); print('\\xe9')"], {"PYTHONIOENCODING": "latin-1:replace"}),
 ("ioencoding-errors-only", ["-c", "import sys; print([(s.encoding, s.errors) for s in (sys.stdin, sys.stdout, sys.stderr)])"], {"PYTHONIOENCODING": ":replace"}),
 ("ioencoding-ascii", ["-c", "import sys; print([(s.encoding, s.errors) for s in (sys.stdin, sys.stdout, sys.stderr)]); print('\\xe9')"], {"PYTHONIOENCODING": "ascii"}),
 ("inspect-i-stdin", ["-i", "-c", "x = 5"], {}, "print(x * 2)\n"),
 ("inspect-i-systemexit", ["-i", "-c", "raise SystemExit(3)"], {}, ""),
 ("inspect-env-no-tty", ["-c", "raise SystemExit(3)"], {"PYTHONINSPECT": "1"}),
 ("inspect-env-by-program", ["-c", "import os; os.environ['PYTHONINSPECT'] = '1'; print('done')"], {}),
 ("breakpoint-env-callable", ["-c", "breakpoint(1, 2, sep='-')"], {"PYTHONBREAKPOINT": "builtins.print"}),
 ("breakpoint-env-builtin-name", ["-c", "breakpoint(1, 2, sep='+')"], {"PYTHONBREAKPOINT": "print"}),
 ("breakpoint-disabled", ["-c", "print(breakpoint())"], {"PYTHONBREAKPOINT": "0"}),
 ("breakpoint-unimportable", ["-c", "x = 1\nbreakpoint()"], {"PYTHONBREAKPOINT": "nosuch_mod_xyz.hook"}),
 ("breakpoint-missing-attr", ["-c", "breakpoint()"], {"PYTHONBREAKPOINT": "os.nosuch"}),
 ("breakpoint-hook-replaced", ["-c", "import sys\nsys.breakpointhook = lambda *a, **k: print('hook', a, k)\nbreakpoint(1, x=2)\nprint(sys.__breakpointhook__ is not sys.breakpointhook)"], {}),
 ("breakpoint-hook-lost", ["-c", "import sys; del sys.breakpointhook; breakpoint()"], {}),
 ("no-site", ["-S", "-c", "import sys; print('site' in sys.modules, 'exit' in dir(__builtins__))"], {}),
 ("site-builtins", ["-c", "import sys; print('site' in sys.modules, exit, quit, type(help).__name__, type(credits).__name__, type(license).__name__)"], {}),
 ("site-prefixes", ["-c", "import sys; print(sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix, sys.platlibdir, sys._stdlib_dir)"], {}),
 ("site-dist-packages", ["-c", "import sys; print([p for p in sys.path if 'dist-packages' in p])"], {}),
 ("site-pytest-importable", ["-c", "import pytest; print(pytest.__file__)"], {}),
 ("stdlib-module-names", ["-c", "import sys; n = sys.stdlib_module_names; print(type(n).__name__, len(n), 'os' in n, 'gil' in n)"], {}),
 ("orig-argv", ["-X", "a", "-c", "import sys; print(sys.orig_argv[1:], sys.argv)", "z"], {}),
 ("warn-default-encoding-open", ["-X", "warn_default_encoding", "-c", "open('/dev/null').close()\nopen('/dev/null', 'rb').close()"], {}),
 ("warn-default-encoding-env", ["-c", "import io\ndef f():\n    return io.text_encoding(None)\nprint(f())"], {"PYTHONWARNDEFAULTENCODING": "1"}),
 ("path0-module", ["-m", "show_args", "x"], {}),
 ("exit-quit-from-site", ["-c", "print(repr(exit), repr(quit))\nexit(4)"], {}),
 ("compile-optimize-argument", ["-c", "print(eval(compile('__debug__', '', 'eval')), eval(compile('__debug__', '', 'eval', optimize=1)))\ntry:\n    compile('1', '', 'eval', optimize=5)\nexcept ValueError as e:\n    print(e)"], {}),
 ("compile-optimize-default-follows-O", ["-O", "-c", "print(eval(compile('__debug__', '', 'eval')), eval(compile('__debug__', '', 'eval', optimize=0)))"], {}),
]
out = []
for c in cases:
    name, args, env = c[:3]
    stdin = c[3] if len(c) > 3 else None
    e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    e.update(LC_ALL="C.UTF-8", LANG="C.UTF-8", COLUMNS="80")
    e.update(env)
    r = subprocess.run([ORACLE, *args], cwd=os.path.join(ROOT, "tests", "cli"), env=e, capture_output=True,
                       input=(stdin or "").encode())
    case = {"name": name, "args": args}
    if env: case["env"] = env
    if stdin is not None: case["stdin"] = stdin
    so, se = r.stdout.decode("utf-8", "surrogateescape"), r.stderr.decode("utf-8", "surrogateescape")
    if "usage: " in se:   # the program name differs: compare the message line
        case["stderr_contains"] = se.splitlines()[0] + "\n"
    else:
        case["stderr"] = se
    case["stdout"] = so
    case["status"] = r.returncode
    out.append(case)
# Written by hand: CPython's own output here depends on its build or on timing.
out += [
 {"name": "platlibdir-env", "args": ["-S", "-c", "import sys; print(sys.platlibdir)"], "env": {"PYTHONPLATLIBDIR": "lib64"},
  "stdout": "lib64\n", "status": 0},
 {"name": "importtime", "args": ["-X", "importtime", "-c", "import json"], "stdout": "",
  "stderr_contains": "import time: self [us] | cumulative | imported package\n", "status": 0},
 {"name": "importtime-nested", "args": ["-X", "importtime", "-c", "import json"], "stdout": "",
  "stderr_contains": " |   json.decoder\n", "status": 0},
 {"name": "importtime-env", "args": ["-c", "pass"], "env": {"PYTHONPROFILEIMPORTTIME": "1"}, "stdout": "",
  "stderr_contains": "| site\n", "status": 0},
 {"name": "version-verbose", "args": ["-VV"], "stdout": "Python 3.11.2 (gilpy 0.1) [GCC 12.2.0]\n", "status": 0},
 {"name": "help-mentions-gilpy-tools", "args": ["-h"], "stdout_contains": "--dis FILE", "status": 0},
 {"name": "help-xoptions-gil", "args": ["--help-xoptions"], "stdout_contains": "-X gilstats", "status": 0},
 {"name": "verbose-imports", "args": ["-v", "-S", "-c", "import json"], "stdout": "",
  "stderr_contains": "import 'json.decoder' #", "status": 0},
]
json.dump(out, open(os.path.join(ROOT, "tests", "cli", "startup.json"), "w"), indent=1)
print(len(out), "cases")
