# Importing audioop warns (DeprecationWarning, attributed to the importer);
# aifc and sunau, which use it, import too.
import sys
import warnings

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('always')
    import audioop
for w in ws:
    print(w.category.__name__, w.message, w.filename == __file__, w.lineno)

del sys.modules['audioop']
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        import audioop
    except DeprecationWarning as e:
        print('error:', e)
print('audioop' in sys.modules)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('always')
    import aifc, sunau
print(sorted(str(w.message) for w in ws))
print(aifc.Aifc_read.__name__, sunau.Au_read.__name__)
