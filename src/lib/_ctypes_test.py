"""_ctypes_test for gilpy: the C test functions of CPython's test_ctypes.

CPython builds them as the extension module _ctypes_test, and the tests load
that file as a plain C library: CDLL(_ctypes_test.__file__). gilpy cannot run
CPython extension modules, but Debian's python3.11 ships that library, and
loading it as a plain library works (src/modules/_ctypes.cpp exports the few
CPython names it refers to). This module only names the file.
"""
import glob as _glob
import sys as _sys

_found = sorted(_glob.glob("/usr/lib/python3.11/lib-dynload/_ctypes_test.cpython-311-*.so"))
if not _found:
    raise ImportError("No module named '_ctypes_test'", name="_ctypes_test")
__file__ = _found[0]
