# UTF-8 mode (PEP 540): on under a C/POSIX locale or with -X utf8 / PYTHONUTF8=1;
# it makes the default text encoding "utf-8" (io.text_encoding, open()).
import os
import subprocess
import sys

code = "import sys, io; print(sys.flags.utf8_mode, open(sys.executable, 'rb').closed, io.text_encoding(None), open('/dev/null').encoding)"
for env_extra, opts in (({"LANG": "C", "LC_ALL": ""}, []), ({"LANG": "C.UTF-8", "LC_ALL": ""}, []),
                        ({"LC_ALL": "POSIX"}, []), ({"LANG": "C.UTF-8", "LC_ALL": ""}, ["-X", "utf8"]),
                        ({"LANG": "C", "LC_ALL": "", "PYTHONUTF8": "0"}, []),
                        ({"LANG": "C.UTF-8", "LC_ALL": ""}, ["-X", "utf8=0"])):
    env = dict(os.environ)
    env.pop("PYTHONUTF8", None)
    env.pop("LC_CTYPE", None)
    env.update(env_extra)
    r = subprocess.run([sys.executable, *opts, "-c", code], env=env, capture_output=True, text=True)
    print(sorted(env_extra.items()), opts, r.stdout.strip(), r.returncode)
