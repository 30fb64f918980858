import warnings
def old():
    warnings.warn('old is deprecated', DeprecationWarning, stacklevel=2)
    return 'old result'
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    old()
    warnings.warn('plain user warning')
    warnings.warn(RuntimeWarning('instance warning'))
    for item in w:
        print(item.category.__name__, item.message, item.lineno > 0)
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('now an error', UserWarning)
    except UserWarning as e:
        print('raised', e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('ignore')
    warnings.warn('ignored')
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings('always', message='match.*')
    warnings.filterwarnings('ignore', category=UserWarning)
    warnings.warn('match this')
    warnings.warn('not this')
    print([str(x.message) for x in w])
print(warnings.formatwarning('msg', UserWarning, 'file.py', 10).strip())
