# regen: manual -- the GIL recording is gilpy's own.
# The recording is never lost: however the program ends (normally, through an
# uncaught exception, sys.exit, KeyboardInterrupt, SIGTERM or os._exit) the
# trace and the report are written; a program that forks writes one file per
# process, the child's suffixed with its pid.
import glob, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
workload = os.path.join(here, "_workload.py")

def threads_in(path):
    with open(path) as f:
        data = json.load(f)
    return sorted(e["args"]["name"] for e in data["traceEvents"] if e["ph"] == "M" and e["name"] == "thread_name")

for how in ["normal", "exception", "exit", "interrupt", "sigterm", "os_exit"]:
    with tempfile.TemporaryDirectory() as tmp:
        trace, report = os.path.join(tmp, "t.json"), os.path.join(tmp, "r.html")
        r = subprocess.run([sys.executable, "-X", f"giltrace={trace}", "-X", f"gilreport={report}", "-X", "gilstats",
                            workload, how], capture_output=True, text=True, timeout=60)
        with open(report) as f:
            page = f.read()
        print(f"{how}: status {r.returncode}, stdout {r.stdout.strip()!r}, trace threads {threads_in(trace)}, "
              f"report written {'<canvas' in page or 'renderedRows' in page}, "
              f"summary printed {'verdict (' in r.stderr}")

with tempfile.TemporaryDirectory() as tmp:
    trace = os.path.join(tmp, "t.json")
    r = subprocess.run([sys.executable, "-X", f"giltrace={trace}", workload, "fork"], capture_output=True, text=True,
                       timeout=60)
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(tmp, "*.json")))
    child = [p for p in files if p != "t.json"]
    print("fork: status", r.returncode, "files:", len(files), "parent file kept its name:", "t.json" in files)
    ok = len(child) == 1 and child[0].startswith("t.") and child[0][2:-5].isdigit()
    print("child file is t.<pid>.json:", ok)
    if child:
        print("child trace threads:", threads_in(os.path.join(tmp, child[0])))
