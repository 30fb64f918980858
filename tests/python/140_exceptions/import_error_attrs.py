# ImportError's name/path/msg as CPython 3.11 sets them: keywords checked by name, and a second
# __init__ resets what it does not give.
exc = ImportError('test', name='name', path='path')
print(exc.args, exc.msg, exc.name, exc.path, str(exc))
exc.__init__()
print(exc.args, exc.msg, exc.name, exc.path, repr(str(exc)))
print(ImportError('a', 'b').msg, ModuleNotFoundError('m', name='m').name)
for make in (lambda: ImportError('x', invalid=1), lambda: ModuleNotFoundError('x', bad=1)):
    try:
        make()
    except TypeError as e:
        print('TypeError', e)
