# regen: manual -- -X gilreport is gilpy's own.
# -X gilreport=FILE writes one self-contained HTML page. Opened in headless
# Chromium (Debian's chromium, installed by tools/setup-deps.sh) it renders one
# timeline row per thread with no script errors, needs no network (no
# external URL in it), and carries the summary table and the verdict.
import os, re, shutil, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
with tempfile.TemporaryDirectory() as tmp:
    report = os.path.join(tmp, "report.html")
    r = subprocess.run([sys.executable, "-X", f"gilreport={report}", os.path.join(here, "_workload.py")],
                       capture_output=True, text=True, timeout=60)
    print("status", r.returncode, r.stdout.strip())
    with open(report, encoding="utf-8") as f:
        page = f.read()
    print("external references:", re.findall(r'(?:src|href)="(?:https?:)?//[^"]*"', page))
    print("verdict present:", "Verdict (" in page, "table rows:", page.count("<tr>") - 1)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium is not installed (tools/setup-deps.sh installs it)")
        sys.exit(1)
    profile = os.path.join(tmp, "profile")
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom",
                          "file://" + report], capture_output=True, text=True, timeout=120)
    body = re.search(r"<body[^>]*>", dom.stdout)
    attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group(0))) if body else {}
    print("rendered rows:", attrs.get("rendered-rows"), "script errors:", attrs.get("errors"))
    rows = re.findall(r'<div class="row" data-thread="([^"]*)"', dom.stdout)
    print("row per thread:", sorted(rows))
