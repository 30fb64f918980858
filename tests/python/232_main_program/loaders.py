# __main__'s __loader__, __spec__, __file__ and __cached__ for each way of
# running a program: -c, stdin, a script file, a compiled script (.pyc); a
# bad .pyc; __file__ removed when the script ends (atexit sees it gone).
import os
import py_compile
import shutil
from _helper import scratch, write, run

tmp = scratch()
try:
    # -c and stdin: the loader is importlib's BuiltinImporter (the class).
    run("-c", ["-c", "print(__loader__.__name__, __spec__, __package__, __name__)"], tmp, tmp)
    run("-c globals()", ["-c", "print(globals()['__loader__'].__name__)"], tmp, tmp)
    run("stdin", ["-"], tmp, tmp, stdin=b"print(__loader__.__name__, __spec__)\n")
    run("-c no __file__", ["-c", "print('__file__' in globals(), '__cached__' in globals())"], tmp, tmp)

    script = os.path.join(tmp, "prog.py")
    write(script, "import sys, importlib.machinery as m\n"
                  "print(type(__loader__).__name__, isinstance(__loader__, m.SourceFileLoader))\n"
                  "print(__loader__.name, __loader__.path == __file__, __spec__, __cached__, __package__)\n"
                  "print(__loader__.get_source('__main__').splitlines()[0])\n"
                  "print(__file__.replace(sys.argv[1], 'TMP'))\n"
                  "import atexit\n"
                  "atexit.register(lambda: print('at exit:', '__file__' in globals(), '__cached__' in globals()))\n")
    run("script", [script, tmp], tmp, tmp)
    run("script, relative path", ["prog.py", tmp], tmp, tmp)

    # A script that never names __loader__ still gets the real loader once
    # importlib is imported.
    write(os.path.join(tmp, "late.py"), "import importlib.machinery as m, sys\n"
                                        "main = sys.modules['__main__']\n"
                                        "print(type(getattr(main, '__load' + 'er__')).__name__)\n")
    run("script importing importlib", ["late.py"], tmp, tmp)

    # A compiled script: py_compile's .pyc, run by its path.
    src = os.path.join(tmp, "comp.py")
    write(src, "import importlib.machinery as m\n"
               "print(type(__loader__).__name__, isinstance(__loader__, m.SourcelessFileLoader))\n"
               "print(__file__.endswith('comp.pyc'), __spec__, __cached__)\n")
    pyc = py_compile.compile(src, cfile=os.path.join(tmp, "comp.pyc"), doraise=True)
    os.remove(src)
    run("compiled script", ["comp.pyc"], tmp, tmp)

    write(os.path.join(tmp, "bad.pyc"), "not a pyc file")
    run("bad magic", ["bad.pyc"], tmp, tmp)
    write(os.path.join(tmp, "empty.pyc"), b"\xa7\r\r\n" + bytes(12), "wb")
    run("no code object", ["empty.pyc"], tmp, tmp)
    run("missing script", ["nosuchfile.py"], tmp, tmp)
finally:
    shutil.rmtree(tmp)
