# -m runs through runpy._run_module_as_main, as in CPython: its error
# messages and exit status, sys.argv[0] ('-m' while the package imports, then
# the module's file), sys.path[0], __spec__/__package__/__loader__ of the
# module run, packages with a __main__, compiled modules, bad .pyc files.
import os
import py_compile
import shutil
from _helper import scratch, write, run

tmp = scratch()
try:
    for name in ["builtins", "builtins.x", "builtins.x.y", "importlib", "importlib.nonexistent",
                 ".unittest", "nosuchmodule_xyz"]:
        run(f"-m {name}", ["-m", name], tmp, tmp)

    show = ("import sys\n"
            "print(__name__, __package__, __spec__.name, type(__loader__).__name__)\n"
            "print(sys.argv[0].replace(sys.argv[1], 'TMP'), sys.argv[2:])\n"
            "print(sys.path[0].replace(sys.argv[1], 'TMP'), __file__.replace(sys.argv[1], 'TMP'))\n")
    write(os.path.join(tmp, "pkg", "__init__.py"), "import sys; print('init sees argv[0] =', sys.argv[0])\n")
    write(os.path.join(tmp, "pkg", "__main__.py"), show)
    write(os.path.join(tmp, "pkg", "mod.py"), show)
    write(os.path.join(tmp, "top.py"), show)
    run("-m top", ["-m", "top", tmp, "a", "b"], tmp, tmp)
    run("-m pkg", ["-m", "pkg", tmp, "a"], tmp, tmp)
    run("-m pkg.mod", ["-m", "pkg.mod", tmp], tmp, tmp)
    run("-m pkg.__main__", ["-m", "pkg.__main__", tmp], tmp, tmp)
    run("-I -m pkg (no current folder)", ["-I", "-m", "pkg", tmp], tmp, tmp)

    # A package without __main__, and one whose __main__ is a package.
    write(os.path.join(tmp, "nomain", "__init__.py"), "")
    run("-m nomain", ["-m", "nomain"], tmp, tmp)
    write(os.path.join(tmp, "rec", "__init__.py"), "")
    write(os.path.join(tmp, "rec", "__main__", "__init__.py"), "")
    run("-m rec", ["-m", "rec"], tmp, tmp)

    # The hint for a file name given as a module name.
    write(os.path.join(tmp, "tool.py"), "")
    run("-m tool.py", ["-m", "tool.py"], tmp, tmp)

    # Errors in the package's __init__ and in __main__ keep their traceback.
    write(os.path.join(tmp, "broken", "__init__.py"), "raise ValueError('in __init__')\n")
    r = run("-m broken", ["-m", "broken"], tmp, tmp, show_err=False)
    print(r.stderr.decode().splitlines()[-1], "Traceback" in r.stderr.decode())
    write(os.path.join(tmp, "failing", "__init__.py"), "")
    write(os.path.join(tmp, "failing", "__main__.py"), "raise ImportError('in __main__')\n")
    r = run("-m failing", ["-m", "failing"], tmp, tmp, show_err=False)
    print(r.stderr.decode().splitlines()[-1], "Traceback" in r.stderr.decode())

    # A compiled __main__ (no source), and a package whose __init__.pyc is bad.
    src = os.path.join(tmp, "cpkg", "__main__.py")
    write(os.path.join(tmp, "cpkg", "__init__.py"), "")
    write(src, "print('compiled main', __file__.endswith('.pyc'), type(__loader__).__name__)\n")
    py_compile.compile(src, cfile=src + "c", doraise=True)
    os.remove(src)
    run("-m cpkg", ["-m", "cpkg"], tmp, tmp)
    write(os.path.join(tmp, "badpyc", "__init__.pyc"), "")
    run("-m badpyc", ["-m", "badpyc"], tmp, tmp)
    # A compiled module without source imports as in CPython.
    write(os.path.join(tmp, "lone.py"), "x = 'from lone.pyc'\n")
    py_compile.compile(os.path.join(tmp, "lone.py"), cfile=os.path.join(tmp, "lone.pyc"), doraise=True)
    os.remove(os.path.join(tmp, "lone.py"))
    run("import lone.pyc", ["-c", "import lone; print(lone.x, type(lone.__loader__).__name__)"], tmp, tmp)
finally:
    shutil.rmtree(tmp)
