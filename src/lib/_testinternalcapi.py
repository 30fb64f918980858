"""gilpy's _testinternalcapi: the parts of CPython's internal test module that
CPython's own test suite reads to decide what to test.

CPython's module exposes interpreter internals (PyConfig, the recursion
counter, the locale codec, the path normaliser).  gilpy implements the
functions whose answers are facts about gilpy, with CPython's interface and
error messages, so that tests such as test_compile and test_traceback (which
call test.support.has_no_debug_ranges()) run instead of being skipped.
Functions that only make sense for CPython's C structures (SIZEOF_PYGC_HEAD,
set_config, the eval-frame hooks, the hashtable and atomic self-tests) are
deliberately absent: a test that needs them fails or skips honestly.
See docs/decisions/0011-testinternalcapi.md.
"""

import os
import sys

# get_config()'s keys, in PyConfig's order (CPython 3.11's config_as_dict).


def _env(name):
    """A PYTHON* variable as CPython's config reads it: ignored under -E/-I, empty means unset."""
    if sys.flags.ignore_environment:
        return None
    value = os.environ.get(name)
    return value or None


def _run_target():
    """(run_command, run_module, run_filename) from the original command line."""
    argv = list(sys.orig_argv[1:])
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == '--' or not arg.startswith('-') or arg == '-':
            break
        if arg.startswith('--'):
            i += 1
            continue
        letters = arg[1:]
        for j, letter in enumerate(letters):
            if letter in 'cm':
                rest = letters[j + 1:]
                value = rest if rest else (argv[i + 1] if i + 1 < len(argv) else None)
                if letter == 'c':
                    return (value + '\n' if value is not None else None), None, None
                return None, value, None
            if letter in 'XW':
                if not letters[j + 1:]:
                    i += 1
                break
        i += 1
    if i < len(argv) and argv[i] == '--':
        i += 1
    if i < len(argv) and argv[i] != '-':
        return None, None, os.path.abspath(argv[i])
    return None, None, None


def get_config():
    """The interpreter's configuration as CPython's PyConfig dict (what -X, -W,
    sys.flags and the environment made of it)."""
    flags = sys.flags
    xopts = [k if v is True else f'{k}={v}' for k, v in sys._xoptions.items()]
    seed = _env('PYTHONHASHSEED')
    use_hash_seed = seed is not None and seed != 'random'
    faulthandler_on = 'faulthandler' in sys._xoptions or _env('PYTHONFAULTHANDLER') is not None
    try:
        import faulthandler
        faulthandler_on = faulthandler.is_enabled()
    except ImportError:
        pass
    tracemalloc = 0
    if 'tracemalloc' in sys._xoptions:
        value = sys._xoptions['tracemalloc']
        tracemalloc = 1 if value is True else int(value)
    elif _env('PYTHONTRACEMALLOC'):
        tracemalloc = int(_env('PYTHONTRACEMALLOC'))
    debug_ranges = not ('no_debug_ranges' in sys._xoptions or _env('PYTHONNODEBUGRANGES'))
    run_command, run_module, run_filename = _run_target()
    stdout = sys.__stdout__
    import _imp
    return {
        '_config_init': 2,
        'isolated': int(flags.isolated),
        'use_environment': int(not flags.ignore_environment),
        'dev_mode': int(flags.dev_mode),
        'install_signal_handlers': 1,
        'use_hash_seed': int(use_hash_seed),
        'hash_seed': int(seed) if use_hash_seed else 0,
        'faulthandler': int(faulthandler_on),
        'tracemalloc': tracemalloc,
        'import_time': int('importtime' in sys._xoptions or _env('PYTHONPROFILEIMPORTTIME') is not None),
        'code_debug_ranges': int(debug_ranges),
        'show_ref_count': int('showrefcount' in sys._xoptions),
        'dump_refs': 0,
        'malloc_stats': 0,
        'filesystem_encoding': sys.getfilesystemencoding(),
        'filesystem_errors': sys.getfilesystemencodeerrors(),
        'pycache_prefix': sys.pycache_prefix,
        'program_name': sys.orig_argv[0] if sys.orig_argv else sys.executable,
        'parse_argv': 2,
        'argv': list(sys.argv),
        'xoptions': xopts,
        'warnoptions': list(sys.warnoptions),
        'pythonpath_env': _env('PYTHONPATH'),
        'home': _env('PYTHONHOME'),
        'module_search_paths_set': 1,
        'module_search_paths': [p for p in sys.path if p],
        'stdlib_dir': getattr(sys, '_stdlib_dir', None),
        'executable': sys.executable,
        'base_executable': getattr(sys, '_base_executable', sys.executable),
        'prefix': sys.prefix,
        'base_prefix': sys.base_prefix,
        'exec_prefix': sys.exec_prefix,
        'base_exec_prefix': sys.base_exec_prefix,
        'platlibdir': sys.platlibdir,
        'site_import': int(not flags.no_site),
        'bytes_warning': flags.bytes_warning,
        'warn_default_encoding': flags.warn_default_encoding,
        'inspect': flags.inspect,
        'interactive': flags.interactive,
        'optimization_level': flags.optimize,
        'parser_debug': flags.debug,
        'write_bytecode': int(not flags.dont_write_bytecode),
        'verbose': flags.verbose,
        'quiet': flags.quiet,
        'user_site_directory': int(not flags.no_user_site),
        'configure_c_stdio': 1,
        'buffered_stdio': int(not (stdout is not None and getattr(stdout, 'write_through', False))),
        'stdio_encoding': getattr(stdout, 'encoding', 'utf-8'),
        'stdio_errors': getattr(stdout, 'errors', 'strict'),
        'skip_source_first_line': 0,
        'run_command': run_command,
        'run_module': run_module,
        'run_filename': run_filename,
        '_install_importlib': 1,
        'check_hash_pycs_mode': _imp.check_hash_based_pycs,
        'pathconfig_warnings': 1,
        '_init_main': 1,
        '_isolated_interpreter': 0,
        'orig_argv': list(sys.orig_argv),
        'use_frozen_modules': 0,
        'safe_path': int(flags.safe_path),
        '_is_python_build': 0,
    }


def get_configs():
    """CPython returns its pre-config, config and path config; gilpy has one
    configuration, given here as 'config'."""
    return {'config': get_config()}


def get_recursion_depth():
    """The caller's Python recursion depth, counted as sys.setrecursionlimit
    checks it (1 at a module's top level, one more per active call)."""
    depth = 0
    frame = sys._getframe(1)
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


_SUPPORTED = ('strict', 'surrogateescape')


def _locale_errors(errors):
    if errors not in _SUPPORTED:
        raise ValueError('unsupported error handler')
    return errors


def EncodeLocaleEx(text, current_locale, errors):
    """_Py_EncodeLocaleEx: encode with the filesystem encoding; a failure is a
    RuntimeError naming the position, as CPython's test helper reports it."""
    if not isinstance(text, str):
        raise TypeError(f"EncodeLocaleEx() argument 1 must be str, not {type(text).__name__}")
    errors = _locale_errors(errors)
    if '\0' in text:
        raise ValueError('embedded null character')
    try:
        return text.encode(sys.getfilesystemencoding(), errors)
    except UnicodeEncodeError as exc:
        raise RuntimeError(f'encode error: pos={exc.start}, reason=encoding error') from None


def DecodeLocaleEx(encoded, current_locale, errors):
    """_Py_DecodeLocaleEx: the decoding counterpart of EncodeLocaleEx."""
    if not isinstance(encoded, bytes):
        raise TypeError(f"DecodeLocaleEx() argument 1 must be bytes, not {type(encoded).__name__}")
    errors = _locale_errors(errors)
    if b'\0' in encoded:
        raise ValueError('embedded null byte')
    try:
        return encoded.decode(sys.getfilesystemencoding(), errors)
    except UnicodeDecodeError as exc:
        raise RuntimeError(f'decode error: pos={exc.start}, reason=decoding error') from None


def normalize_path(path):
    """_Py_normpath: collapse '.', '..' and repeated separators (a leading '//'
    stays, as POSIX allows it a meaning)."""
    return os.path.normpath(os.fsdecode(path))
