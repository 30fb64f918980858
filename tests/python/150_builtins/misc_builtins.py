print(len('abc'), len([1]), len({}), len(range(10)), len(b'12'))
print(list(range(3)), bool(None), int('7'), str(7), float(7), tuple('ab'))
import builtins
print(builtins.len is len, builtins.__name__, type(builtins.__dict__).__name__)
print(sorted(n for n in ['abs', 'aiter', 'all', 'anext', 'any', 'ascii', 'bin', 'breakpoint', 'callable', 'chr', 'compile', 'delattr', 'dir', 'divmod', 'eval', 'exec', 'format', 'getattr', 'globals', 'hasattr', 'hash', 'hex', 'id', 'input', 'isinstance', 'issubclass', 'iter', 'len', 'locals', 'max', 'min', 'next', 'oct', 'ord', 'pow', 'print', 'repr', 'round', 'setattr', 'sorted', 'sum', 'vars', 'open'] if not hasattr(builtins, n)))
print(__name__, __builtins__.__name__ if hasattr(__builtins__, '__name__') else 'dict')
print(NotImplemented.__class__.__name__, Ellipsis is ..., bool(NotImplemented) if False else 'skip')
