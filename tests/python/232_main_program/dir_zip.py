# A folder or a zip file as the program: its __main__ module runs through
# runpy, with the folder (or archive) as sys.path[0] even under -I; a
# compiled __main__.pyc; "can't find '__main__' module in ..." otherwise.
import os
import py_compile
import shutil
import zipfile
from _helper import scratch, write, run

tmp = scratch()
try:
    show = ("import sys\n"
            "t = sys.argv[1]\n"
            "print(__name__, repr(__package__), __spec__.name, type(__loader__).__name__)\n"
            "print(__file__.replace(t, 'TMP'), sys.argv[0].replace(t, 'TMP'), sys.path[0].replace(t, 'TMP'))\n")
    app = os.path.join(tmp, "app")
    write(os.path.join(app, "__main__.py"), show)
    run("folder", ["app", tmp], tmp, tmp)
    run("folder, absolute", [app, tmp], tmp, tmp)
    run("folder, -I", ["-I", "app", tmp], tmp, tmp)

    # The same sys.path whether the folder or its __main__.py is run.
    listing = "import sys\nprint(sys.path == eval(sys.argv[1]) or sys.path)\n"
    write(os.path.join(tmp, "cons", "__main__.py"), listing)
    import subprocess, sys
    from _helper import ENV
    ref = subprocess.run([sys.executable, "-Es", "-c", "import sys; print(sys.path[1:])"],
                         cwd=tmp, env=ENV, capture_output=True, text=True).stdout.strip()
    expected = repr([os.path.join(tmp, "cons")] + eval(ref))
    run("folder sys.path -Es", ["-Es", "cons", expected], tmp, tmp)
    run("file sys.path -Es", ["-Es", "cons/__main__.py", expected], tmp, tmp)

    empty = os.path.join(tmp, "empty")
    os.makedirs(empty)
    run("folder without __main__", ["empty"], tmp, tmp)

    # A compiled __main__.pyc alone in a folder.
    capp = os.path.join(tmp, "capp")
    write(os.path.join(capp, "__main__.py"), show)
    py_compile.compile(os.path.join(capp, "__main__.py"), cfile=os.path.join(capp, "__main__.pyc"), doraise=True)
    os.remove(os.path.join(capp, "__main__.py"))
    run("folder with __main__.pyc", ["capp", tmp], tmp, tmp)

    # Zip files: with __main__.py, with a compiled one, without.
    with zipfile.ZipFile(os.path.join(tmp, "app.zip"), "w") as z:
        z.writestr("__main__.py", show)
    run("zip", ["app.zip", tmp], tmp, tmp)
    with zipfile.ZipFile(os.path.join(tmp, "capp.zip"), "w") as z:
        z.write(os.path.join(capp, "__main__.pyc"), "__main__.pyc")
    run("zip with __main__.pyc", ["capp.zip", tmp], tmp, tmp)
    with zipfile.ZipFile(os.path.join(tmp, "nomain.zip"), "w") as z:
        z.writestr("other.py", "")
    run("zip without __main__", ["nomain.zip"], tmp, tmp)
    # A zip archive after a #! line (a zipapp) still runs as an archive.
    with open(os.path.join(tmp, "app.pyz"), "wb") as f:
        f.write(b"#!/usr/bin/env python3\n")
        with open(os.path.join(tmp, "app.zip"), "rb") as z:
            f.write(z.read())
    run("zipapp with #! line", ["app.pyz", tmp], tmp, tmp)
finally:
    shutil.rmtree(tmp)
