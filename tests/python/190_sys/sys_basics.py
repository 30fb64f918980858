import sys
print(sys.argv, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), sys.version.startswith('3.11'))
print(sys.implementation.name in ('cpython', 'gilpy'), sys.implementation.version[:2], type(sys.implementation.cache_tag).__name__)
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit > 0)
print(sys.maxunicode, type(sys.path).__name__, isinstance(sys.path[0], str), 'sys' in sys.modules, 'builtins' in sys.builtin_module_names)
print(sys.stdout.write('direct write\n'), sys.stdout.encoding.lower().replace('-', ''), sys.stdin.readable() if sys.stdin else None, sys.stderr.writable())
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), sys.executable != '', hasattr(sys, 'exit'))
print(sys.getsizeof(0) > 0, sys.getsizeof([]) > 0, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.__stdout__ is not None, sys.displayhook is not None, callable(sys.excepthook), sys.hexversion >> 16 == 0x30b)
