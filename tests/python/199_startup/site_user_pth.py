# site.py at start-up: the user site folder (PYTHONUSERBASE), its .pth files
# (paths, import lines, a broken line), usercustomize and sitecustomize, and
# what -s, -I and PYTHONNOUSERSITE turn off. Runs the interpreter under test.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    site_dir = os.path.join(tmp, "lib", "python3.11", "site-packages")
    os.makedirs(os.path.join(site_dir, "extra"))
    with open(os.path.join(site_dir, "a_good.pth"), "w") as f:
        f.write("extra\n# a comment\n\nimport sys; sys.pth_ran = 'yes'\nnonexistent_dir\n")
    with open(os.path.join(site_dir, "b_bad.pth"), "w") as f:
        f.write("import nosuch_module_xyz\nnever_reached\n")
    with open(os.path.join(site_dir, "extra", "usermod.py"), "w") as f:
        f.write("x = 42\n")
    with open(os.path.join(site_dir, "usercustomize.py"), "w") as f:
        f.write("import sys; sys.uc = 'usercustomize ran'\n")
    custom = os.path.join(tmp, "custom")
    os.makedirs(custom)
    with open(os.path.join(custom, "sitecustomize.py"), "w") as f:
        f.write("import sys; sys.sc = 'sitecustomize ran'\n")

    code = ("import sys\n"
            "print([p.replace(sys.argv[1], 'TMP') for p in sys.path if p.startswith(sys.argv[1])])\n"
            "print(getattr(sys, 'pth_ran', None), getattr(sys, 'uc', None), getattr(sys, 'sc', None))\n"
            "try:\n"
            "    import usermod\n"
            "    print('usermod', usermod.x)\n"
            "except ImportError as e:\n"
            "    print(e)\n")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    base_env.update(PYTHONUSERBASE=tmp, PYTHONPATH=custom)
    for label, opts, extra in [("default", [], {}), ("-s", ["-s"], {}), ("PYTHONNOUSERSITE", [], {"PYTHONNOUSERSITE": "1"}),
                               ("-I", ["-I"], {}), ("-S", ["-S"], {})]:
        env = dict(base_env, **extra)
        r = subprocess.run([sys.executable, *opts, "-c", code, tmp], env=env, capture_output=True, text=True)
        print(f"--- {label}: status {r.returncode}")
        print(r.stdout, end="")
        err = r.stderr.replace(tmp, "TMP").splitlines()
        # The traceback's middle names site.py's frame, which CPython shows as
        # "<frozen site>" (its site module is frozen): print the rest.
        for line in err:
            if line.startswith(("Error processing", "  ModuleNotFoundError", "Remainder")):
                print("stderr:", line)
