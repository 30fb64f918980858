# The filters _warnings starts with, and how -W, -X dev, -b/-bb and
# PYTHONWARNINGS add to them through sys.warnoptions; warnings with a source
# (unawaited coroutines, ResourceWarning) reach the Python hooks.
import gc
import os
import subprocess
import sys
import warnings

SHOW = "import sys, warnings; print(sys.warnoptions); [print(f) for f in warnings.filters]"
env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
for opts, extra_env in [
    ([], {}),
    (["-X", "dev"], {}),
    (["-b"], {}),
    (["-bb", "-W", "error", "-X", "dev"], {}),
    (["-W", "always"], {"PYTHONWARNINGS": "ignore::UserWarning"}),
    (["-W", "ignore::DeprecationWarning:foo.bar:12"], {}),
]:
    r = subprocess.run([sys.executable, *opts, "-c", SHOW], env={**env, **extra_env}, capture_output=True, text=True)
    print(opts, extra_env)
    print(r.stdout, end="")
    print(r.stderr, end="")

# -W error turns native and Python warnings into exceptions alike.
r = subprocess.run([sys.executable, "-W", "error", "-c", "import warnings\ntry:\n  int(1.5.__trunc__ and type('T', (), {'__trunc__': lambda s: 1})())\nexcept DeprecationWarning as e: print('native:', e)\ntry:\n  warnings.warn('py')\nexcept UserWarning as e: print('python:', e)"],
                   env=env, capture_output=True, text=True)
print(r.stdout, r.stderr, end="")


async def never():
    pass


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = never()
    del c
    gc.collect()
    print([(x.category.__name__, str(x.message), type(x.source).__name__) for x in w])

# A Python-level ResourceWarning with a source (Popen.__del__ of a running child).
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.3)"], env=env)
    del p
    gc.collect()
    print([(x.category.__name__, str(x.message).split()[0], str(x.message).split()[2:], type(x.source).__name__)
           for x in w])
